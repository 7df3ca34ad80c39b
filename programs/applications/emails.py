"""Emails to applicants, sent after the state change is committed."""

from django.template.loader import render_to_string
from django.utils import translation

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
    from programs.selection.notifications import (  # builds on this app
        deliver,
        render_decision_email,
    )

    # In the language the applicant chose for our emails (accounts.User.language), not that
    # of the request that made the change: decisions come from a staff member's admin
    # session. One rule for every state change, the student's own ones included.
    with translation.override(application.applicant.language):
        # Decisions use the texts managers edit in admin; every email is logged for a retry.
        rendered = render_decision_email(application, to_state)
        if rendered is None:
            template = (
                "programs/email/application_submitted"
                if to_state == ApplicationState.SUBMITTED
                else "programs/email/application_state_changed"
            )
            context = {"application": application, "state": ApplicationState(to_state)}
            rendered = (
                render_to_string(f"{template}_subject.txt", context).strip(),
                render_to_string(f"{template}.txt", context),
            )
    deliver(application=application, subject=rendered[0], body=rendered[1])
