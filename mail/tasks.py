"""The worker's side of sending (Celery): one task per email, and the periodic sweep."""

from celery import shared_task

from mail.services import email_deliver, email_send_due


@shared_task(name="mail.send_email", ignore_result=True)
def send_email(log_id):
    email_deliver(log_id=log_id)


@shared_task(name="mail.send_due_emails", ignore_result=True)
def send_due_emails():
    """Run by beat every minute: retries whose time has come, emails the broker lost."""
    email_send_due()
