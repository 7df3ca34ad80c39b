from django.core.management.base import BaseCommand

from mail.services import email_send_due


class Command(BaseCommand):
    help = (
        "Queue again the emails that are due: failed ones whose retry time has come and queued "
        "ones the task queue lost (it was down). Celery beat runs this every minute; run it "
        "from cron where beat does not run."
    )

    def handle(self, *args, **options):
        count = email_send_due()
        self.stdout.write(f"{count} email(s) handed to the queue.")
