import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import StudentProfile
from mail.models import EmailLog, EmailStatus
from mail.services import email_send_due
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/accounts/signup/"
GOOD_PASSWORD = "a-Sound-passphrase-42"


def sign_up(client, email, password=GOOD_PASSWORD, confirmation=None):
    return client.post(
        SIGNUP_URL,
        {"email": email, "password1": password, "password2": confirmation or password},
    )


def test_the_sign_up_page_asks_for_email_and_password_twice(client):
    html = client.get(reverse("accounts:signup")).content.decode()
    assert reverse("accounts:signup") == SIGNUP_URL
    assert "<h1" in html and "Create an account" in html
    assert 'name="email"' in html and 'autocomplete="email"' in html
    assert 'name="password1"' in html and 'name="password2"' in html
    assert reverse("login") in html


def test_sign_up_creates_account_and_profile_logs_in_and_emails_a_link(client):
    response = sign_up(client, "  Li.Wei@Example.ORG ")

    assert response.status_code == 302
    assert response.url == reverse("accounts:account")
    user = get_user_model().objects.get()
    assert user.email == "li.wei@example.org"
    assert user.check_password(GOOD_PASSWORD)
    assert not user.is_email_verified and not user.is_staff
    assert StudentProfile.objects.filter(user=user).exists()
    assert client.session["_auth_user_id"] == str(user.pk)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["li.wei@example.org"]
    assert "Confirm your email address" in email.subject
    assert "http://testserver/en/accounts/verify/" in email.body

    page = client.get(response.url).content.decode()
    assert "We have sent a link to li.wei@example.org" in page
    assert "Not verified" in page


def test_an_email_already_used_in_another_case_gets_a_clear_error(client):
    UserFactory(email="mei@example.org")

    response = sign_up(client, "MEI@Example.org")

    assert response.status_code == 200
    html = response.content.decode()
    assert "An account with this email address already exists" in html
    assert 'value="MEI@Example.org"' in html  # what they typed stays in the form
    email_input = re.search(r'<input[^>]*name="email"[^>]*>', html).group()
    assert "is-invalid" in email_input and 'aria-invalid="true"' in email_input
    assert get_user_model().objects.count() == 1
    assert mail.outbox == []
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "This password is too short"),
        ("password123", "This password is too common"),
        ("83749261047362", "This password is entirely numeric"),
        ("mei.ling.chen@example", "The password is too similar to the email address"),
    ],
)
def test_a_weak_password_is_refused_and_the_email_is_kept(client, password, message):
    response = sign_up(client, "mei.ling.chen@example.org", password=password)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="mei.ling.chen@example.org"' in html
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


def test_mismatched_passwords_are_refused(client):
    response = sign_up(client, "ana@example.org", confirmation="a-Different-passphrase-7")
    assert "The two password fields didn’t match." in response.content.decode()
    assert not get_user_model().objects.exists()


def test_a_logged_in_user_is_sent_to_their_account_instead(client):
    client.force_login(UserFactory())
    response = client.get(SIGNUP_URL)
    assert response.status_code == 302 and response.url == reverse("accounts:account")


def test_a_failing_mail_server_still_creates_the_account_and_the_link_goes_out_later(
    client, settings
):
    settings.EMAIL_BACKEND = "tests.accounts.failing_email.FailingEmailBackend"

    response = sign_up(client, "ana@example.org")

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="ana@example.org").exists()
    log = EmailLog.objects.get(to="ana@example.org")
    assert log.status == EmailStatus.FAILED and "SMTPServerDisconnected" in log.error
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(log.next_attempt_at + timedelta(seconds=1)):
        email_send_due()
        email_send_due()  # a second sweep finds nothing left to send
    assert len(mail.outbox) == 1 and "/accounts/verify/" in mail.outbox[0].body
    log.refresh_from_db()
    assert log.status == EmailStatus.SENT


def test_the_verification_email_is_logged_but_its_link_is_not_kept(client):
    sign_up(client, "li@example.org")

    log = EmailLog.objects.get(to="li@example.org")
    assert log.status == EmailStatus.SENT and log.confidential
    assert "/accounts/verify/" in mail.outbox[0].body
    assert "/accounts/verify/" not in log.body


def test_our_emails_are_in_the_language_the_student_signed_up_in(client):
    sign_up(client, "mei@example.org")
    client.logout()
    client.post(
        "/zh-hans/accounts/signup/",  # the Chinese sign-up page
        {"email": "wei@example.org", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    client.logout()
    client.post(
        SIGNUP_URL,  # the English page: its address decides, not the browser's language
        {"email": "ling@example.org", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
        headers={"accept-language": "zh-CN,zh;q=0.9"},
    )

    languages = dict(get_user_model().objects.values_list("email", "language"))
    assert languages == {
        "mei@example.org": "en",
        "wei@example.org": "zh-hans",
        "ling@example.org": "en",
    }
    assert "确认" in mail.outbox[1].subject  # the verification email follows the request
    assert "/zh-hans/accounts/verify/" in mail.outbox[1].body  # and links to the Chinese page
