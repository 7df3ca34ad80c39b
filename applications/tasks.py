"""Applications' periodic work for the Celery worker (beat runs it; README "Background work")."""

from celery import shared_task

from applications.reminders import send_due_reminders


@shared_task(name="applications.send_reminders", ignore_result=True)
def send_reminders():
    """The reminders of `manage.py send_reminders`: each goes once, however often this runs."""
    send_due_reminders()
