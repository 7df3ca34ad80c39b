"""Every email is logged with what it is about, queued before it is sent, sent once after
the commit; a failed one is tried again later, attachments too."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from mail import tasks
from mail.models import EmailLog, EmailStatus
from mail.services import (
    ERASED_BODY,
    LOST_AFTER,
    STUCK_AFTER,
    email_deliver,
    email_retry,
    email_send,
    email_send_due,
)
from tests.factories import StaffFactory, UserFactory
from tests.selection.factories import make_manager, make_reviewer

pytestmark = pytest.mark.django_db

INVITATION = ("interview.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")


class RefusingBackend:
    """An SMTP server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("Connection refused")


def test_an_email_is_logged_as_queued_and_sent_once_the_transaction_commits(after_commit):
    student = UserFactory()
    with after_commit():
        log = email_send(
            to=student.email, subject="Hello", body="Text", recipient=student, about=student
        )
        assert (EmailLog.objects.get().status, mail.outbox) == (EmailStatus.QUEUED, [])

    assert (mail.outbox[0].to, mail.outbox[0].subject) == ([student.email], "Hello")
    log.refresh_from_db()
    assert (log.status, log.about, log.recipient, log.attempts) == (
        EmailStatus.SENT,
        student,
        student,
        1,
    )


def test_attachments_go_with_the_email(after_commit):
    with after_commit():
        email_send(
            to="ada@example.org", subject="Interview", body="See you", attachments=[INVITATION]
        )

    assert mail.outbox[0].attachments == [INVITATION]


def test_a_refused_email_is_logged_failed_and_a_retry_sends_it_with_its_attachments(
    settings, after_commit
):
    settings.EMAIL_BACKEND = "tests.mail.test_sending.RefusingBackend"
    with after_commit():
        log = email_send(
            to="ada@example.org", subject="Interview", body="Hi", attachments=[INVITATION]
        )
    log.refresh_from_db()
    assert (log.status, log.error) == (
        EmailStatus.FAILED,
        "ConnectionRefusedError: Connection refused",
    )
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with after_commit():
        assert email_retry(logs=EmailLog.objects.all(), by=make_manager()) == 1

    log.refresh_from_db()
    assert (log.status, log.attempts, log.error) == (EmailStatus.SENT, 2, "")
    assert mail.outbox[0].attachments == [INVITATION]


def test_a_sent_email_is_not_sent_again(after_commit):
    with after_commit():
        email_send(to="ada@example.org", subject="Once", body="Only once")
        email_retry(logs=EmailLog.objects.all(), by=StaffFactory())
    assert len(mail.outbox) == 1


def test_a_duplicated_or_late_task_never_sends_twice(after_commit):
    """The worker claims the queued row; a second delivery of the same task finds nothing."""
    with after_commit():
        log = email_send(to="ada@example.org", subject="Once", body="Only once")
    tasks.send_email(log.pk)
    assert email_deliver(log_id=log.pk) is None
    assert len(mail.outbox) == 1


def test_failures_are_retried_later_each_time_after_twice_the_delay(settings, after_commit):
    settings.EMAIL_BACKEND = "tests.mail.test_sending.RefusingBackend"
    settings.EMAIL_RETRY_DELAY, settings.EMAIL_MAX_ATTEMPTS = 60, 3
    start = timezone.now()
    with time_machine.travel(start, tick=False), after_commit():
        log = email_send(to="ada@example.org", subject="Later", body="…")
        assert email_send_due() == 0  # not due yet: nothing is tried before its time
    log.refresh_from_db()
    assert log.next_attempt_at == start + timedelta(seconds=60)

    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert email_send_due() == 1
    log.refresh_from_db()
    assert (log.attempts, log.next_attempt_at) == (2, start + timedelta(seconds=61 + 120))

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(start + timedelta(seconds=182), tick=False):
        assert email_send_due() == 1
    log.refresh_from_db()
    assert (log.status, log.attempts, len(mail.outbox)) == (EmailStatus.SENT, 3, 1)


def test_after_the_last_attempt_it_waits_for_staff(settings, after_commit):
    settings.EMAIL_BACKEND = "tests.mail.test_sending.RefusingBackend"
    settings.EMAIL_MAX_ATTEMPTS = 1
    with after_commit():
        log = email_send(to="ada@example.org", subject="Later", body="…")
    log.refresh_from_db()
    assert (log.status, log.next_attempt_at) == (EmailStatus.FAILED, None)
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert email_send_due() == 0


def test_with_the_broker_down_the_email_stays_queued_and_goes_out_later(monkeypatch, after_commit):
    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    with monkeypatch.context() as patch:
        patch.setattr(tasks.send_email, "delay", broker_down)
        with after_commit():
            log = email_send(to="ada@example.org", subject="Queued", body="…")
        assert email_send_due() == 0  # it may still be on its way

    log.refresh_from_db()
    assert (log.status, mail.outbox) == (EmailStatus.QUEUED, [])
    with time_machine.travel(timezone.now() + LOST_AFTER + timedelta(seconds=1)):
        assert email_send_due() == 1
    log.refresh_from_db()
    assert (log.status, len(mail.outbox)) == (EmailStatus.SENT, 1)


def test_only_staff_with_the_permission_resend():
    email_send(to="ada@example.org", subject="Once", body="Only once")
    for user in [UserFactory(), make_reviewer()]:
        with pytest.raises(PermissionDenied):
            email_retry(logs=EmailLog.objects.all(), by=user)


def test_the_log_in_admin_links_what_an_email_is_about_and_names_its_attachments(client):
    staff = StaffFactory()
    email_send(
        to="ada@example.org", subject="Interview", body="Hi", about=staff, attachments=[INVITATION]
    )
    client.force_login(staff)

    page = client.get(reverse("admin:mail_emaillog_change", args=[EmailLog.objects.get().pk]))

    assert reverse("admin:accounts_user_change", args=[staff.pk]) in page.text
    assert "interview.ics" in page.text


@pytest.mark.parametrize(
    ("count", "wording"), [(1, "1 email log entry"), (19, "19 email log entries")]
)
def test_the_log_counts_its_entries_in_words(client, count, wording):
    """It said "19 email log"."""
    for n in range(count):
        email_send(to=f"student{n}@example.org", subject="Hello", body="…")
    client.force_login(make_manager())
    page = client.get(reverse("admin:mail_emaillog_changelist")).text
    assert wording in page


def test_an_email_left_sending_by_a_stopped_worker_waits_for_staff_and_is_not_resent(
    after_commit, monkeypatch
):
    with monkeypatch.context() as patch:
        patch.setattr(tasks.send_email, "delay", lambda log_id: None)  # never reaches a worker
        with after_commit():
            log = email_send(to="ada@example.org", subject="Offer", body="Welcome")
    # The worker claimed it, then stopped before it could say how sending went.
    EmailLog.objects.filter(pk=log.pk).update(
        status=EmailStatus.SENDING, next_attempt_at=timezone.now()
    )

    with time_machine.travel(timezone.now() + STUCK_AFTER - timedelta(minutes=1)):
        assert email_send_due() == 0
    log.refresh_from_db()
    assert log.status == EmailStatus.SENDING  # it may still be on its way

    with time_machine.travel(timezone.now() + STUCK_AFTER + timedelta(minutes=1)):
        assert email_send_due() == 0  # not sent again by itself: it may have gone out
    log.refresh_from_db()
    assert (log.status, log.next_attempt_at, mail.outbox) == (EmailStatus.FAILED, None, [])
    assert "may have gone out" in log.error

    with after_commit():
        assert email_retry(logs=EmailLog.objects.all(), by=make_manager()) == 1
    log.refresh_from_db()
    assert (log.status, len(mail.outbox)) == (EmailStatus.SENT, 1)


def test_a_confidential_email_is_sent_whole_then_erased_and_never_shown(client, after_commit):
    with after_commit():
        log = email_send(
            to="ada@example.org", subject="Reset", body="https://x/reset/abc/", confidential=True
        )
    assert "https://x/reset/abc/" in mail.outbox[0].body
    log.refresh_from_db()
    assert (log.status, log.body) == (EmailStatus.SENT, ERASED_BODY)

    staff = StaffFactory(is_superuser=True)
    client.force_login(staff)
    page = client.get(reverse("admin:mail_emaillog_change", args=[log.pk])).content.decode()
    assert "Not shown: it holds a link" in page


def test_a_confidential_email_keeps_its_text_for_retries_and_loses_it_on_giving_up(
    settings, after_commit
):
    settings.EMAIL_BACKEND = "tests.mail.test_sending.RefusingBackend"
    settings.EMAIL_MAX_ATTEMPTS = 2
    with after_commit():
        log = email_send(to="ada@example.org", subject="Verify", body="link", confidential=True)
    log.refresh_from_db()
    assert (log.status, log.body) == (EmailStatus.FAILED, "link")  # kept for the retry

    with time_machine.travel(log.next_attempt_at + timedelta(seconds=1)), after_commit():
        assert email_send_due() == 1
    log.refresh_from_db()
    assert (log.status, log.next_attempt_at, log.body) == (EmailStatus.FAILED, None, ERASED_BODY)
    with after_commit():
        assert email_retry(logs=EmailLog.objects.all(), by=make_manager()) == 0
