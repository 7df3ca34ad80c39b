"""Emails to applicants: decision texts from EmailTemplate, every send recorded in EmailLog.

Called after the state change is committed (programs.applications.emails); a failing mail
server must not undo a decision, so failures are logged and recorded for a retry instead.
Decisions are made in a staff member's request, so nothing here follows the request's
language: each email is written in the applicant's (accounts.User.language).
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from programs.selection.models import EmailLog, EmailStatus, EmailTemplate

logger = logging.getLogger(__name__)


def placeholder_values(application):
    """The placeholders' values in the active language (dates, fallback phrases)."""
    deadline = application.intake.offer_deadline
    return {
        "name": application.applicant.display_name,
        "program": application.intake.program.display_title,
        "intake": application.intake.name,
        "deadline": (
            _("%(date)s (%(timezone)s)")
            % {
                "date": date_format(timezone.localtime(deadline), "DATETIME_FORMAT"),
                "timezone": timezone.get_current_timezone_name(),
            }
            if deadline
            else _("the deadline shown on the portal")
        ),
        "reference": application.reference or "",
    }


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


def _send(log):
    try:
        send_mail(log.subject, log.body, None, [log.to])
    except Exception as error:  # any transport error: record it, keep the decision
        logger.exception("Email %s to %s failed", log.pk, log.to)
        log.status = EmailStatus.FAILED
        log.error = f"{type(error).__name__}: {error}"
    else:
        log.status = EmailStatus.SENT
        log.error = ""
        log.sent_at = timezone.now()
    log.save()
    return log


def deliver(*, application, subject, body):
    """Send one email to the applicant and record how it went."""
    log = EmailLog(
        application=application,
        to=application.applicant.email,
        subject=subject,
        body=body,
        status=EmailStatus.FAILED,
    )
    return _send(log)


def deliver_again(log):
    if log.status == EmailStatus.SENT:
        return log
    log.attempts += 1
    return _send(log)


def email_applicants(*, applications, texts):
    """Send each applicant the text in their language, else the default one, with the
    placeholders filled in that text's language; every email is logged.

    `texts` is {language: (subject, body)} with checked placeholders (ApplicantEmailForm).
    Returns (sent, failed, skipped): skipped are anonymised applications, with nobody to write to.
    """
    sent = failed = skipped = 0
    for application in applications:
        if application.applicant is None:
            skipped += 1
            continue
        language = application.applicant.language
        if language not in texts:
            language = settings.LANGUAGE_CODE
        subject, body = texts[language]
        with translation.override(language):
            values = placeholder_values(application)
        log = deliver(
            application=application,
            subject=subject.format_map(values),
            body=body.format_map(values),
        )
        if log.status == EmailStatus.SENT:
            sent += 1
        else:
            failed += 1
    return sent, failed, skipped
