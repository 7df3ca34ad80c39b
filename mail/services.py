"""Sending email through the log: each message is written as queued in the caller's
transaction, then sent by a worker (mail.tasks) once that transaction commits.

A failing or slow mail server must not undo, or hold up, what the email reports (a decision,
a submission): the request only writes a row. The worker claims a queued row with one
conditional UPDATE, so a retried or duplicated task never sends it twice; a failure is kept
with its error and tried again later, each time after twice the delay of the one before.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mail.models import EmailLog, EmailStatus

logger = logging.getLogger(__name__)

RETRY_PERMISSION = "mail.change_emaillog"
# A queued email still waiting this long may have lost its message (the broker was down): queue
# it again, at most once in this time, so that a long backlog is not queued over and over.
LOST_AFTER = timedelta(minutes=5)
# A worker stopped mid-send (killed, machine lost) leaves its email "sending". Whether the mail
# server took it is unknown, so it is not sent again by itself: it is marked failed for staff,
# who may ask the recipient and retry. Long enough that no send still running is taken.
STUCK_AFTER = timedelta(minutes=15)
STUCK_ERROR = (
    "The worker stopped while sending this email, so it may have gone out. Check with the "
    "recipient before sending it again."
)
# What a confidential email's text becomes once it needs no more sending.
ERASED_BODY = "—"


def _message(log: EmailLog) -> EmailMessage:
    message = EmailMessage(log.subject, log.body, to=[log.to])
    for attachment in log.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: EMAIL_RETRY_DELAY seconds after the first failure, doubling."""
    return timedelta(seconds=settings.EMAIL_RETRY_DELAY * 2 ** (attempts - 1))


def _enqueue(log_id: int) -> None:
    """Hand the email to the queue; with the broker down it stays queued for email_send_due."""
    from mail.tasks import send_email  # the task module imports this one

    try:
        send_email.delay(log_id)
    except Exception:  # any broker error: the row is committed, the sweep sends it later
        logger.exception("Email %s stays queued: the task queue is not reachable", log_id)


def email_send(
    *,
    to: str,
    subject: str,
    body: str,
    recipient: AbstractUser | None = None,
    about: models.Model | None = None,
    attachments: Iterable[tuple[str, str, str]] = (),
    confidential: bool = False,
) -> EmailLog:
    """Log one email as queued and send it from the queue after the transaction commits;
    returns the log entry.

    `recipient` is the account the address belongs to (its emails go when it is deleted),
    `about` the object the email concerns (shown to staff with the email), `attachments`
    (filename, text, MIME type) triples, kept with the log so that a retry sends them too.
    `confidential` for a text holding a sign-in or password-reset link: no one reads it in the
    log, and it is erased once sent or given up.
    """
    log = EmailLog.objects.create(
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
        confidential=confidential,
        status=EmailStatus.QUEUED,
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(_enqueue, log.pk))
    return log


def email_deliver(*, log_id: int) -> EmailLog | None:
    """Send one queued email, once: returns its log entry, or None when it was not queued
    (already sent, being sent by another worker, or waiting for a retry)."""
    claimed = EmailLog.objects.filter(pk=log_id, status=EmailStatus.QUEUED).update(
        status=EmailStatus.SENDING, attempts=F("attempts") + 1, next_attempt_at=timezone.now()
    )
    if not claimed:
        return None
    log = EmailLog.objects.get(pk=log_id)
    try:
        _message(log).send()
    except Exception as error:  # any transport error: record it, keep what the email reports
        logger.exception("Email %s to %s failed (attempt %s)", log.pk, log.to, log.attempts)
        log.status = EmailStatus.FAILED
        log.error = f"{type(error).__name__}: {error}"
        gives_up = log.attempts >= settings.EMAIL_MAX_ATTEMPTS
        log.next_attempt_at = None if gives_up else timezone.now() + retry_delay(log.attempts)
    else:
        log.status = EmailStatus.SENT
        log.error = ""
        log.sent_at = timezone.now()
        log.next_attempt_at = None
    if log.confidential and log.next_attempt_at is None:  # sent, or given up: no retry needs it
        log.body = ERASED_BODY
    log.save(update_fields=["status", "error", "sent_at", "next_attempt_at", "body"])
    return log


def email_send_due() -> int:
    """Queue again what is due: failed emails whose retry time has come, and queued ones
    whose message was lost (the broker was down). Returns how many were handed to the queue;
    one handed over twice is still sent once. Emails stuck in "sending" become failed ones
    that wait for staff (see STUCK_AFTER)."""
    now = timezone.now()
    stuck = EmailLog.objects.filter(
        status=EmailStatus.SENDING, next_attempt_at__lte=now - STUCK_AFTER
    )
    stuck.filter(confidential=True).update(body=ERASED_BODY)
    stuck.update(status=EmailStatus.FAILED, error=STUCK_ERROR, next_attempt_at=None)
    failed = EmailLog.objects.filter(status=EmailStatus.FAILED, next_attempt_at__lte=now)
    retries = list(failed.values_list("pk", flat=True))
    failed.filter(pk__in=retries).update(status=EmailStatus.QUEUED)
    lost = EmailLog.objects.filter(status=EmailStatus.QUEUED, next_attempt_at__lte=now - LOST_AFTER)
    due = retries + list(lost.exclude(pk__in=retries).values_list("pk", flat=True))
    EmailLog.objects.filter(pk__in=due, status=EmailStatus.QUEUED).update(next_attempt_at=now)
    for log_id in due:
        _enqueue(log_id)
    return len(due)


def can_retry(user: AbstractUser) -> bool:
    """Staff with the change permission on the log may send a failed email again."""
    return user.is_active and user.is_staff and user.has_perm(RETRY_PERMISSION)


def email_retry(*, logs: QuerySet[EmailLog], by: AbstractUser) -> int:
    """Queue failed emails again now, with the text they had; others are left as they are.
    Returns how many were queued."""
    if not can_retry(by):
        raise PermissionDenied(_("You cannot resend emails."))
    # A confidential email that gave up has lost its text (and its link has expired).
    retriable = logs.filter(status=EmailStatus.FAILED).exclude(confidential=True, body=ERASED_BODY)
    failed = list(retriable.values_list("pk", flat=True))
    EmailLog.objects.filter(pk__in=failed, status=EmailStatus.FAILED).update(
        status=EmailStatus.QUEUED, next_attempt_at=timezone.now()
    )
    for log_id in failed:
        transaction.on_commit(partial(_enqueue, log_id))
    return len(failed)
