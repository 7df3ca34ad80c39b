"""Writes about referees: the student names, reminds and replaces them; the referee opens the
link and sends the letter. Emails go after the change commits (emails.py)."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from applications.documents import CleanUpload
from applications.models import Application
from applications.referees import emails
from applications.referees.models import RecommendationLetter, Referee
from applications.states import AWAITING_DECISION

# A student may nudge a referee once a day, three times in all: enough for a lost email, too
# little to pester someone who is writing for them for free.
REMINDER_INTERVAL = timedelta(days=1)
MAX_REMINDERS = 3


class RefereeError(ValidationError):
    """A change to the referees the rules do not allow; the message says why."""


def referees_can_change(application: Application, now: datetime | None = None) -> bool:
    """Referees are named, reminded and replaced while the intake accepts letters and the
    application still waits for a decision."""
    in_progress = application.is_draft or application.state in AWAITING_DECISION
    return in_progress and application.intake.accepts_letters(now)


def current_referees(application: Application) -> list[Referee]:
    """From the prefetched `referees`, so the step checks and the page read them once."""
    return [referee for referee in application.referees.all() if referee.replaced_at is None]


def referee_problems(application: Application) -> list[str]:
    """What stops submission for want of referees or their letters, in words for the student."""
    required = application.intake.referees_required
    if not required:
        return []
    current = current_referees(application)
    if len(current) < required:
        return [
            ngettext(
                "Name %(count)d referee (%(named)d named so far).",
                "Name %(count)d referees (%(named)d named so far).",
                required,
            )
            % {"count": required, "named": len(current)}
        ]
    waiting = [referee.name for referee in current if not referee.has_answered]
    if waiting and not application.intake.submit_before_letters:
        return [
            _("Your application can be submitted once these letters have arrived: %(names)s.")
            % {"names": ", ".join(waiting)}
        ]
    return []


def _require_changeable(application: Application, user: User) -> None:
    if application.applicant_id != user.pk:
        raise PermissionDenied
    if not referees_can_change(application):
        raise RefereeError(_("Referees can no longer be changed for this application."))


def _check_address(application: Application, email: str) -> None:
    if application.applicant and email.casefold() == application.applicant.email.casefold():
        raise RefereeError(_("A referee must be someone else: give their email address."))
    taken = Referee.objects.current().filter(application=application, email__iexact=email)
    if taken.exists():
        raise RefereeError(_("You have already named a referee with this email address."))


def _name_referee(application: Application, *, email: str, **details: str) -> Referee:
    """Record a new referee of the application and email them their link."""
    _check_address(application, email)
    referee = Referee.objects.create(application=application, email=email, **details)
    emails.send_invitation(referee.pk)
    return referee


@transaction.atomic
def referee_invite(
    *,
    application: Application,
    user: User,
    name: str,
    email: str,
    institution: str,
    relationship: str,
    language: str,
) -> Referee:
    """Name a referee and email them their link; at most as many as the intake requires."""
    _require_changeable(application, user)
    # Two invitations at once (double click, two tabs) count each other.
    Application.objects.select_for_update().filter(pk=application.pk).first()
    if Referee.objects.current().filter(application=application).count() >= (
        application.intake.referees_required
    ):
        raise RefereeError(_("You have named all the referees this intake asks for."))
    return _name_referee(
        application,
        name=name,
        email=email,
        institution=institution,
        relationship=relationship,
        language=language,
    )


@transaction.atomic
def referee_replace(
    *,
    referee: Referee,
    user: User,
    name: str,
    email: str,
    institution: str,
    relationship: str,
    language: str,
) -> Referee:
    """Ask someone else instead of a referee who has not sent a letter; the old link stops
    working at once."""
    application = referee.application
    _require_changeable(application, user)
    withdrawn = Referee.objects.filter(
        pk=referee.pk, replaced_at__isnull=True, received_at__isnull=True
    ).update(replaced_at=timezone.now())
    if not withdrawn:  # the letter arrived meanwhile, or another tab replaced them
        raise RefereeError(
            _("%(name)s has sent their letter or was replaced already.") % {"name": referee.name}
        )
    return _name_referee(
        application,
        name=name,
        email=email,
        institution=institution,
        relationship=relationship,
        language=language,
    )


def next_reminder_at(referee: Referee) -> datetime | None:
    """When the student may remind this referee again; None if never again."""
    if referee.reminder_count >= MAX_REMINDERS:
        return None
    if referee.reminded_at is None:
        return referee.invited_at
    return referee.reminded_at + REMINDER_INTERVAL


@transaction.atomic
def referee_remind(*, referee: Referee, user: User, now: datetime | None = None) -> Referee:
    """Email the referee their link again, within REMINDER_INTERVAL and MAX_REMINDERS.

    The limits are checked by the UPDATE that records the reminder, so two clicks at once
    send one email.
    """
    now = now or timezone.now()
    _require_changeable(referee.application, user)
    if referee.has_answered or referee.replaced_at:
        raise RefereeError(_("%(name)s needs no reminder.") % {"name": referee.name})
    claimed = (
        Referee.objects.filter(
            Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - REMINDER_INTERVAL),
            pk=referee.pk,
            reminder_count__lt=MAX_REMINDERS,
            received_at__isnull=True,
            replaced_at__isnull=True,
        ).update(reminded_at=now, reminder_count=F("reminder_count") + 1)
        == 1
    )
    if not claimed:
        referee.refresh_from_db()
        retry_at = next_reminder_at(referee)
        if retry_at is None:
            raise RefereeError(
                _("You have reminded %(name)s %(count)d times, the most we send.")
                % {"name": referee.name, "count": MAX_REMINDERS}
            )
        raise RefereeError(
            _("You reminded %(name)s recently; you can send another reminder after %(time)s.")
            % {
                "name": referee.name,
                "time": date_format(timezone.localtime(retry_at), "DATETIME_FORMAT"),
            }
        )
    emails.send_reminder(referee.pk, by_student=True)
    referee.refresh_from_db()
    return referee


def letter_mark_opened(*, referee: Referee) -> None:
    """The first visit of the link is what the student sees as "opened"."""
    if referee.opened_at is None:
        Referee.objects.filter(pk=referee.pk, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )
        referee.refresh_from_db(fields=["opened_at"])


@transaction.atomic
def letter_submit(
    *, referee: Referee, language: str, text: str = "", upload: CleanUpload | None = None
) -> RecommendationLetter:
    """Store the letter: a checked PDF (documents.clean_pdf) or a text. One per referee."""
    locked = Referee.objects.select_for_update().select_related("application__intake")
    locked = locked.get(pk=referee.pk)
    if locked.replaced_at is not None:
        raise RefereeError(_("The applicant has withdrawn this request."))
    if locked.has_answered:
        raise RefereeError(_("Your letter has already been received. Thank you."))
    if not locked.application.intake.accepts_letters():
        raise RefereeError(_("The letters for this application were due by now."))
    if bool(text) == (upload is not None):
        raise ValueError("A letter is a file or a text, not both or neither")
    letter = RecommendationLetter(referee=locked, language=language, text=text)
    stored_name = None
    if upload is not None:
        letter.original_name = upload.original_name
        letter.size = upload.size
        letter.file.save(upload.file.name, upload.file, save=False)
        stored_name = letter.file.name
    try:
        letter.save()
    except Exception:
        # If the transaction fails, the new file must not be left behind.
        if stored_name:
            letter.file.storage.delete(stored_name)
        raise
    locked.received_at = letter.received_at
    locked.save(update_fields=["received_at"])
    referee.received_at = locked.received_at
    return letter
