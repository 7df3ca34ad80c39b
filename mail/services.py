"""Sending email: every message is logged, and a failure is kept for a retry, never raised.

A failing mail server must not undo what the email reports (a decision, a submission), so
callers send after their transaction has committed and read the outcome from the log.
"""

import logging
from collections.abc import Iterable

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from mail.models import EmailLog, EmailStatus

logger = logging.getLogger(__name__)

RETRY_PERMISSION = "mail.change_emaillog"


def _message(log: EmailLog) -> EmailMessage:
    message = EmailMessage(log.subject, log.body, to=[log.to])
    for attachment in log.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def _send(log: EmailLog) -> EmailLog:
    try:
        _message(log).send()
    except Exception as error:  # any transport error: record it, keep what the email reports
        logger.exception("Email %s to %s failed", log.pk, log.to)
        log.status = EmailStatus.FAILED
        log.error = f"{type(error).__name__}: {error}"
    else:
        log.status = EmailStatus.SENT
        log.error = ""
        log.sent_at = timezone.now()
    log.save()
    return log


def email_send(
    *,
    to: str,
    subject: str,
    body: str,
    recipient: AbstractUser | None = None,
    about: models.Model | None = None,
    attachments: Iterable[tuple[str, str, str]] = (),
) -> EmailLog:
    """Send one email and record how it went; returns the log entry.

    `recipient` is the account the address belongs to (its emails go when it is deleted),
    `about` the object the email concerns (shown to staff with the email), `attachments`
    (filename, text, MIME type) triples, kept with the log so that a retry sends them too.
    """
    log = EmailLog(
        # mail sits below accounts: it knows the account only as Django's AbstractUser.
        recipient=recipient,  # type: ignore[misc]
        to=to,
        subject=subject,
        body=body,
        about=about,
        attachments=[
            {"filename": filename, "content": content, "mimetype": mimetype}
            for filename, content, mimetype in attachments
        ],
        status=EmailStatus.FAILED,
    )
    return _send(log)


def can_retry(user: AbstractUser) -> bool:
    """Staff with the change permission on the log may send a failed email again."""
    return user.is_active and user.is_staff and user.has_perm(RETRY_PERMISSION)


def email_retry(*, log: EmailLog, by: AbstractUser) -> EmailLog:
    """Send a failed email again, with the text it had; a sent one is left as it is."""
    if not can_retry(by):
        raise PermissionDenied(_("You cannot resend emails."))
    if log.status == EmailStatus.SENT:
        return log
    log.attempts += 1
    return _send(log)
