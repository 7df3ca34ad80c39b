import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.services import RESEND_DAILY_LIMIT
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Another-sound-passphrase-8"


def test_password_reset_full_flow_through_the_email(client):
    user = UserFactory(email="lin@example.org")

    page = client.get(reverse("login")).content.decode()
    assert reverse("accounts:password_reset") in page

    response = client.post(reverse("accounts:password_reset"), {"email": "LIN@example.org"})
    assert response.url == reverse("accounts:password_reset_done")
    assert "Check your email" in client.get(response.url).content.decode()

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["lin@example.org"]
    assert "Reset your password" in email.subject
    link = re.search(r"http://testserver(/en/accounts/password/reset/\S+/\S+/)", email.body).group(
        1
    )

    # Django swaps the token into the session and redirects to a token-free URL.
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]

    weak = client.post(set_password_url, {"new_password1": "123", "new_password2": "123"})
    assert "This password is too short" in weak.content.decode()

    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.url == reverse("accounts:password_reset_complete")
    assert "Your new password is set" in client.get(done.url).content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    # The link works once.
    again = client.get(link, follow=True).content.decode()
    assert "This link does not work" in again

    client.logout()
    login = client.post(reverse("login"), {"username": "lin@example.org", "password": NEW_PASSWORD})
    assert login.status_code == 302


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_password_change_needs_the_old_password_and_keeps_the_session(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("accounts:password_change")
    assert "Change password" in client.get(url).content.decode()

    wrong = client.post(
        url,
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "Your old password was entered incorrectly" in wrong.content.decode()
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)

    response = client.post(
        url,
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:account")
    assert "Your password has been changed." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_password_change_needs_a_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def ask_for_reset(client, email):
    response = client.post(reverse("accounts:password_reset"), {"email": email})
    assert response.url == reverse("accounts:password_reset_done")  # the same answer always
    return response


def test_reset_emails_to_one_address_are_limited_silently(
    client, clock_following_cache, time_machine
):
    UserFactory(email="lin@example.org")
    time_machine.move_to("2027-03-01 09:00 +08:00", tick=False)

    ask_for_reset(client, "lin@example.org")
    ask_for_reset(client, "LIN@example.org")  # the same address, within the minute
    assert len(mail.outbox) == 1

    for minutes in range(1, 10):
        time_machine.move_to(f"2027-03-01 09:{minutes * 2:02d} +08:00", tick=False)
        ask_for_reset(client, "lin@example.org")
    assert len(mail.outbox) == RESEND_DAILY_LIMIT

    time_machine.move_to("2027-03-02 09:00 +08:00", tick=False)
    ask_for_reset(client, "lin@example.org")
    assert len(mail.outbox) == RESEND_DAILY_LIMIT + 1


def test_one_address_at_its_limit_does_not_hold_up_another(client):
    UserFactory(email="lin@example.org")
    UserFactory(email="wang@example.org")
    ask_for_reset(client, "lin@example.org")
    ask_for_reset(client, "lin@example.org")
    ask_for_reset(client, "wang@example.org")
    assert [message.to for message in mail.outbox] == [
        ["lin@example.org"],
        ["wang@example.org"],
    ]
