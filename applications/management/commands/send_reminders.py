"""Email the reminders that are due: drafts before the intake closes, offers before the
reply deadline, referees before their letters are due, students the day before their
interview. Run it from cron, e.g. hourly; each reminder goes once."""

from django.core.management.base import BaseCommand

from applications.reminders import (
    DRAFT_REMINDER_BEFORE,
    INTERVIEW_REMINDER_BEFORE,
    LETTER_REMINDER_BEFORE,
    OFFER_REMINDER_BEFORE,
    send_due_reminders,
)


class Command(BaseCommand):
    help = (
        f"Remind students of unsubmitted drafts {DRAFT_REMINDER_BEFORE.days} days before the "
        f"intake closes and of unanswered offers {OFFER_REMINDER_BEFORE.days} days before "
        f"the reply deadline, referees of their letters {LETTER_REMINDER_BEFORE.days} days "
        f"before they are due, and students of their interview {INTERVIEW_REMINDER_BEFORE.days} "
        "day before it. Safe to run often: each reminder is sent once."
    )

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(
            f"Sent {sent['draft']} draft reminder(s) and {sent['offer']} offer reminder(s)."
        )
        self.stdout.write(
            f"Sent {sent['letter']} letter reminder(s) to referees and "
            f"{sent['interview']} interview reminder(s)."
        )
