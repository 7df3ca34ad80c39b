"""Emails about an application, in the applicant's language, sent after the change commits.

Decisions come from a staff member's admin session, so nothing here follows the request's
language: each email is written in the applicant's (accounts.User.language). Decisions use
the texts managers edit (EmailTemplate); other state changes use the files in
templates/applications/email/. Every email goes through mail.services, which logs it.
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from applications.models import Application, EmailTemplate
from applications.placeholders import placeholder_values
from applications.states import ApplicationState
from mail.services import email_send

logger = logging.getLogger(__name__)


def decision_template(state, language):
    """The one rule for which text an applicant gets: the template for `state` in their
    `language`, else the one in English (settings.LANGUAGE_CODE), else None (the caller
    sends the generic state-change email). One query."""
    templates = {
        template.language: template
        for template in EmailTemplate.objects.filter(
            state=state, language__in={language, settings.LANGUAGE_CODE}
        )
    }
    return templates.get(language) or templates.get(settings.LANGUAGE_CODE)


def render_decision_email(application, state):
    """(subject, body) from the state's template in the applicant's language, or None when
    the state has none.

    The values are written in the template's language: a Chinese date in the Chinese email,
    an English one in the English email sent when there is no Chinese template.
    """
    template = decision_template(state, application.applicant.language)
    if template is None:
        return None
    with translation.override(template.language):
        values = placeholder_values(application)
    try:
        return template.subject.format_map(values), template.body.format_map(values)
    except (KeyError, IndexError, ValueError):
        # Saved past the form's check (e.g. by SQL): send the generic text, tell the logs.
        logger.exception("Email template %r cannot be rendered", template.state)
        return None


def render_state_change_email(application, state):
    """(subject, body) of the email about `state`, in the active language."""
    rendered = render_decision_email(application, state)
    if rendered is not None:
        return rendered
    template = (
        "applications/email/application_submitted"
        if state == ApplicationState.SUBMITTED
        else "applications/email/application_state_changed"
    )
    context = {"application": application, "state": ApplicationState(state)}
    return (
        render_to_string(f"{template}_subject.txt", context).strip(),
        render_to_string(f"{template}.txt", context),
    )


def email_applicant(*, application, subject, body):
    """Send one email to the applicant about this application; returns the log entry."""
    return email_send(
        to=application.applicant.email,
        subject=subject,
        body=body,
        recipient=application.applicant,
        about=application,
    )


def send_state_change_email(application_id, to_state):
    application = (
        Application.objects.select_related("intake__program", "applicant__profile")
        .filter(pk=application_id)
        .first()
    )
    if application is None or application.applicant is None:
        return
    with translation.override(application.applicant.language):
        subject, body = render_state_change_email(application, to_state)
    email_applicant(application=application, subject=subject, body=body)
