"""Placeholders in texts staff write to applicants: decision emails and emails to a selection."""

import string

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PLACEHOLDERS = ["name", "program", "intake", "deadline", "reference"]
PLACEHOLDER_HELP = gettext_lazy(
    "Placeholders: {name}, {program}, {intake}, {deadline} (offer reply deadline), {reference}."
)


def check_placeholders(text):
    """Refuse text that str.format would choke on or that names an unknown placeholder."""
    try:
        fields = {field for _text, field, _spec, _conv in string.Formatter().parse(text) if field}
    except ValueError as error:
        raise ValidationError(
            _("Braces must come in pairs around a placeholder: %(error)s") % {"error": error}
        ) from error
    unknown = sorted(fields - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Unknown placeholder %(unknown)s; use %(known)s.")
            % {
                "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }
        )


def placeholder_values(application):
    """The placeholders' values in the active language (dates, fallback phrases)."""
    deadline = application.offer_reply_deadline
    return {
        "name": application.applicant.display_name,
        "program": application.intake.program.title,
        "intake": application.intake.name,
        "deadline": (
            _("%(date)s (%(timezone)s)")
            % {
                "date": date_format(timezone.localtime(deadline), "DATETIME_FORMAT"),
                "timezone": timezone.get_current_timezone_name(),
            }
            if deadline
            else _("the deadline shown on the portal")
        ),
        "reference": application.reference or "",
    }
