"""Emails to referees, in the language the student chose for them (Referee.language).

They are sent after the change commits and also from `manage.py send_reminders`, outside any
request, so the link is absolute (settings.SITE_URL). Each is logged about the referee.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from applications.referees.links import referee_link
from applications.referees.models import Referee
from mail.services import email_send


def _referee(referee_id):
    return (
        Referee.objects.select_related(
            "application__intake__program", "application__applicant__profile"
        )
        .filter(pk=referee_id, replaced_at__isnull=True, application__applicant__isnull=False)
        .first()
    )


def render_referee_email(referee, template, **extra):
    """(subject, body) of `template` in the referee's language."""
    application = referee.application
    with translation.override(referee.language):
        context = {
            "referee": referee,
            "student": application.applicant.display_name,
            "program": application.intake.program.title,
            "intake": application.intake.name,
            "deadline": application.intake.letters_due_at,
            "time_zone": timezone.get_current_timezone_name(),
            "link": referee_link(referee),
            **extra,
        }
        subject = render_to_string(f"applications/email/{template}_subject.txt", context)
        body = render_to_string(f"applications/email/{template}.txt", context)
    return " ".join(subject.split()), body


def _send(referee, template, **extra):
    subject, body = render_referee_email(referee, template, **extra)
    return email_send(to=referee.email, subject=subject, body=body, about=referee)


def send_invitation(referee_id):
    referee = _referee(referee_id)
    if referee is not None:
        _send(referee, "referee_invitation")


def send_reminder(referee_id, *, by_student):
    """`by_student`: the student asked for it, rather than the deadline coming near."""
    referee = _referee(referee_id)
    if referee is not None and not referee.has_answered:
        _send(referee, "referee_reminder", by_student=by_student)
