"""Reminders the portal sends on its own, from `manage.py send_reminders` run by cron.

A student with an unsubmitted draft hears before the intake closes, and a student with an
offer hears before the reply deadline. Each reminder goes once per application: the
application is claimed by setting its `*_reminded_at` in one UPDATE before the email is
sent, so two runs at the same time never send it twice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from applications.emails import email_applicant
from applications.models import Application
from applications.services import submission_problems
from applications.states import ApplicationState
from programs.models import Intake

DRAFT_REMINDER_BEFORE = timedelta(days=3)
OFFER_REMINDER_BEFORE = timedelta(days=2)


def _drafts_of_intakes_closing_soon(now):
    closing = Intake.objects.open(now).filter(closes_at__lte=now + DRAFT_REMINDER_BEFORE)
    return Q(state=ApplicationState.DRAFT, intake__in=closing)


def _offers_with_reply_deadline_soon(now):
    return Q(
        state=ApplicationState.OFFERED,
        offer_reply_deadline__gt=now,
        offer_reply_deadline__lte=now + OFFER_REMINDER_BEFORE,
    )


@dataclass(frozen=True)
class Reminder:
    name: str
    due_when: Callable  # now -> Q of the applications it is due for
    deadline_of: Callable  # application -> the deadline the email names
    claim_field: str  # the Application field that records it was sent
    template: str

    def due(self, now):
        """Applications this reminder is due for at `now` that have not had it yet."""
        return (
            Application.objects.filter(self.due_when(now), applicant__is_active=True)
            .filter(**{f"{self.claim_field}__isnull": True})
            .select_related("applicant__profile", "intake__program")
            # What a draft reminder lists as missing (submission_problems) reads these.
            .prefetch_related("intake__questions", "documents", "supervisor_choices__supervisor")
            .order_by("pk")
        )

    def claim(self, application, now):
        """True for the one run that marks the application; False if another run did."""
        unclaimed = Application.objects.filter(
            pk=application.pk, **{f"{self.claim_field}__isnull": True}
        )
        return unclaimed.update(**{self.claim_field: now}) == 1


REMINDERS = [
    Reminder(
        name="draft",
        due_when=_drafts_of_intakes_closing_soon,
        deadline_of=lambda application: application.intake.closes_at,
        claim_field="draft_reminded_at",
        template="applications/email/draft_reminder",
    ),
    Reminder(
        name="offer",
        due_when=_offers_with_reply_deadline_soon,
        deadline_of=lambda application: application.offer_reply_deadline,
        claim_field="offer_reminded_at",
        template="applications/email/offer_reminder",
    ),
]


def render_reminder(reminder, application):
    """(subject, body) in the language the applicant chose for our emails, with a link."""
    with translation.override(application.applicant.language):
        return _render(reminder, application)


def _render(reminder, application):
    context = {
        "application": application,
        "deadline": reminder.deadline_of(application),
        "time_zone": timezone.get_current_timezone_name(),
        "problems": submission_problems(application) if application.is_draft else [],
        "url": settings.SITE_URL + reverse("applications:detail", args=[application.pk]),
    }
    return (
        render_to_string(f"{reminder.template}_subject.txt", context).strip(),
        render_to_string(f"{reminder.template}.txt", context),
    )


def send_due_reminders(*, now=None):
    """Send every reminder that is due; returns {reminder name: emails sent}."""
    now = now or timezone.now()
    sent = {}
    for reminder in REMINDERS:
        sent[reminder.name] = 0
        for application in reminder.due(now):
            if not reminder.claim(application, now):
                continue
            subject, body = render_reminder(reminder, application)
            email_applicant(application=application, subject=subject, body=body)
            sent[reminder.name] += 1
    return sent
