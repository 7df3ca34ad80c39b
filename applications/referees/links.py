"""The referee's private link: signed, so nobody can guess or alter one, and usable only
while the intake accepts letters and the student has not replaced the referee.

The link names the referee row and carries an HMAC of the secret key
(django.core.signing); a changed character, another row's number or another salt fails the
signature. Reminders sign the same referee again, so every link a referee received works until
the letters are due.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.referees.models import Referee

LINK_SALT = "applications.referees.letter"


class LinkRefused(Exception):
    """A link that cannot be used; `message` tells the visitor why, `status` is the answer."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


INVALID = _("This link is not valid. Check that you copied all of it from the email.")
EXPIRED = _("This link has expired: the letters for this application were due by then.")
WITHDRAWN = _("The applicant has withdrawn this request, so no letter is needed from you.")


def referee_token(referee):
    return signing.dumps({"referee": referee.pk}, salt=LINK_SALT)


def referee_link(referee):
    """The absolute address for emails, which are also sent outside any request."""
    return settings.SITE_URL + reverse(
        "applications:referee_letter", kwargs={"token": referee_token(referee)}
    )


def referee_from_token(token, now=None):
    """The referee the link is for, or LinkRefused saying why not."""
    try:
        data = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature as error:
        raise LinkRefused(INVALID, 404) from error
    referee = (
        Referee.objects.select_related(
            "application__intake__program", "application__applicant__profile"
        )
        .filter(pk=data.get("referee") if isinstance(data, dict) else None)
        .first()
    )
    if referee is None or referee.application.applicant is None:
        raise LinkRefused(INVALID, 404)
    if referee.replaced_at is not None:
        raise LinkRefused(WITHDRAWN, 410)
    if not referee.has_answered and not referee.application.intake.accepts_letters(
        now or timezone.now()
    ):
        raise LinkRefused(EXPIRED, 410)
    return referee
