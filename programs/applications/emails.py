"""Emails to applicants, sent after the state change is committed."""

from django.core.mail import send_mail
from django.template.loader import render_to_string

from programs.applications.models import Application
from programs.applications.states import ApplicationState


def send_state_change_email(application_id, to_state):
    application = (
        Application.objects.select_related("intake__program", "applicant")
        .filter(pk=application_id)
        .first()
    )
    if application is None or application.applicant is None:
        return
    template = (
        "programs/email/application_submitted"
        if to_state == ApplicationState.SUBMITTED
        else "programs/email/application_state_changed"
    )
    context = {"application": application, "state": ApplicationState(to_state)}
    # Rendered in the language active for the request that made the change.
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [application.applicant.email])
