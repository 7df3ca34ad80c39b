"""Emails to managers about events of applications (applications.signals)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from applications.models import Application
from applications.rules import DECIDE_PERMISSION, staff_with_permission
from applications.seats import seats_left
from mail.services import email_send


def email_managers_seat_released(sender, *, application_id, **kwargs):
    """Tell the managers (everyone who decides) that a student gave up a held seat, by
    withdrawing or by deleting the account, so they can offer it from the waitlist."""
    application = Application.objects.select_related("intake__program").get(pk=application_id)
    context = {
        "application": application,
        "seats_left": seats_left(application.intake),
        "url": settings.SITE_URL
        + reverse("admin:selection_intake_dashboard", args=[application.intake_id]),
    }
    for manager in staff_with_permission(DECIDE_PERMISSION).order_by("pk"):
        with translation.override(manager.language):
            subject = render_to_string("selection/email/seat_released_subject.txt", context)
            body = render_to_string("selection/email/seat_released.txt", context)
        email_send(
            to=manager.email,
            subject=subject.strip(),
            body=body,
            recipient=manager,
            about=application,
        )
