"""Reminders the portal sends on its own, from `manage.py send_reminders` run by cron.

A student with an unsubmitted draft hears before the intake closes, a student with an offer
hears before the reply deadline, a referee whose letter has not arrived hears before the
letters are due, and a student with a booked interview hears the day before. Each reminder
goes once per row (a changed interview slot makes its reminder due again): the row is
claimed by setting its `*_reminded_at` in one UPDATE before the email is sent, so two runs at
the same time never send it twice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from applications.emails import email_applicant
from applications.interviews import emails as interview_emails
from applications.interviews.services import BOOKING_STATES
from applications.models import Application, Interview, Referee
from applications.referees import emails as referee_emails
from applications.services import submission_problems
from applications.states import AWAITING_DECISION, ApplicationState
from programs.models import Intake

DRAFT_REMINDER_BEFORE = timedelta(days=3)
OFFER_REMINDER_BEFORE = timedelta(days=2)
LETTER_REMINDER_BEFORE = timedelta(days=3)
INTERVIEW_REMINDER_BEFORE = timedelta(days=1)


def _drafts_of_intakes_closing_soon(now):
    closing = Intake.objects.open(now).filter(closes_at__lte=now + DRAFT_REMINDER_BEFORE)
    return Q(state=ApplicationState.DRAFT, intake__in=closing)


def _offers_with_reply_deadline_soon(now):
    return Q(
        state=ApplicationState.OFFERED,
        offer_reply_deadline__gt=now,
        offer_reply_deadline__lte=now + OFFER_REMINDER_BEFORE,
    )


def _applications_due(due_when, now):
    return (
        Application.objects.filter(due_when(now), applicant__is_active=True)
        .select_related("applicant__profile", "intake__program")
        # What a draft reminder lists as missing (submission_problems) reads these.
        .prefetch_related(
            "intake__questions", "documents", "supervisor_choices__supervisor", "referees"
        )
    )


def _letters_due_soon(now):
    """Referees still counted on, without a letter, of applications still in the running."""
    return Referee.objects.current().filter(
        received_at__isnull=True,
        application__applicant__is_active=True,
        application__state__in=[ApplicationState.DRAFT, *AWAITING_DECISION],
        application__intake__letters_due_at__gt=now,
        application__intake__letters_due_at__lte=now + LETTER_REMINDER_BEFORE,
    )


def _interviews_soon(now):
    return Interview.objects.filter(
        application__applicant__is_active=True,
        application__state__in=BOOKING_STATES,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + INTERVIEW_REMINDER_BEFORE,
    )


@dataclass(frozen=True)
class Reminder:
    name: str
    rows: Callable  # now -> queryset of the rows this reminder is due for
    claim_field: str  # the field of those rows that records it was sent
    send: Callable  # row -> None: writes and sends the email

    def due(self, now):
        """Rows this reminder is due for at `now` that have not had it yet."""
        return self.rows(now).filter(**{f"{self.claim_field}__isnull": True}).order_by("pk")

    def claim(self, row, now):
        """True for the one run that marks the row; False if another run did."""
        unclaimed = type(row).objects.filter(pk=row.pk, **{f"{self.claim_field}__isnull": True})
        return unclaimed.update(**{self.claim_field: now}) == 1


def render_reminder(template, deadline_of, application):
    """(subject, body) in the language the applicant chose for our emails, with a link;
    `deadline_of(application)` is the deadline the email names."""
    with translation.override(application.applicant.language):
        context = {
            "application": application,
            "deadline": deadline_of(application),
            "time_zone": timezone.get_current_timezone_name(),
            "problems": submission_problems(application) if application.is_draft else [],
            "url": settings.SITE_URL + reverse("applications:detail", args=[application.pk]),
        }
        return (
            render_to_string(f"{template}_subject.txt", context).strip(),
            render_to_string(f"{template}.txt", context),
        )


def _send_application_reminder(template, deadline_of, application):
    subject, body = render_reminder(template, deadline_of, application)
    email_applicant(application=application, subject=subject, body=body)


def _send_letter_reminder(referee):
    referee_emails.send_reminder(referee.pk, by_student=False)


def _send_interview_reminder(interview):
    interview_emails.send_reminder(interview.pk)


REMINDERS = [
    Reminder(
        name="draft",
        rows=partial(_applications_due, _drafts_of_intakes_closing_soon),
        claim_field="draft_reminded_at",
        send=partial(
            _send_application_reminder,
            "applications/email/draft_reminder",
            lambda application: application.intake.closes_at,
        ),
    ),
    Reminder(
        name="offer",
        rows=partial(_applications_due, _offers_with_reply_deadline_soon),
        claim_field="offer_reminded_at",
        send=partial(
            _send_application_reminder,
            "applications/email/offer_reminder",
            lambda application: application.offer_reply_deadline,
        ),
    ),
    Reminder(
        name="letter",
        rows=_letters_due_soon,
        claim_field="deadline_reminded_at",
        send=_send_letter_reminder,
    ),
    Reminder(
        name="interview",
        rows=_interviews_soon,
        claim_field="reminded_at",
        send=_send_interview_reminder,
    ),
]


def send_due_reminders(*, now=None):
    """Send every reminder that is due; returns {reminder name: emails sent}."""
    now = now or timezone.now()
    sent = {}
    for reminder in REMINDERS:
        sent[reminder.name] = 0
        for row in reminder.due(now):
            if not reminder.claim(row, now):
                continue
            reminder.send(row)
            sent[reminder.name] += 1
    return sent
