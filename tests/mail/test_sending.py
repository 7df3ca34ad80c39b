"""Every email is logged with what it is about; a failed one is sent again, attachments too."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from mail.models import EmailLog, EmailStatus
from mail.services import email_retry, email_send
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


def test_an_email_is_sent_logged_and_names_what_it_is_about():
    student = UserFactory()
    log = email_send(
        to=student.email, subject="Hello", body="Text", recipient=student, about=student
    )

    assert (mail.outbox[0].to, mail.outbox[0].subject) == ([student.email], "Hello")
    assert EmailLog.objects.get() == log
    assert (log.status, log.about, log.recipient) == (EmailStatus.SENT, student, student)


def test_attachments_go_with_the_email():
    email_send(to="ada@example.org", subject="Interview", body="See you", attachments=[INVITATION])

    assert mail.outbox[0].attachments == [INVITATION]


def test_a_refused_email_is_logged_failed_and_a_retry_sends_it_with_its_attachments(settings):
    settings.EMAIL_BACKEND = "tests.mail.test_sending.RefusingBackend"
    log = email_send(to="ada@example.org", subject="Interview", body="Hi", attachments=[INVITATION])
    assert (log.status, log.error) == (
        EmailStatus.FAILED,
        "ConnectionRefusedError: Connection refused",
    )
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email_retry(log=log, by=make_manager())

    log.refresh_from_db()
    assert (log.status, log.attempts, log.error) == (EmailStatus.SENT, 2, "")
    assert mail.outbox[0].attachments == [INVITATION]


def test_a_sent_email_is_not_sent_again():
    log = email_send(to="ada@example.org", subject="Once", body="Only once")
    email_retry(log=log, by=StaffFactory())
    assert len(mail.outbox) == 1


def test_only_staff_with_the_permission_resend():
    log = email_send(to="ada@example.org", subject="Once", body="Only once")
    for user in [UserFactory(), make_reviewer()]:
        with pytest.raises(PermissionDenied):
            email_retry(log=log, by=user)


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
