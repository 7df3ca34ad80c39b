import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.services import (
    RESEND_DAILY_LIMIT,
    VERIFICATION_MAX_AGE,
    make_verification_token,
    user_sign_up,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESEND_URL = "/en/accounts/verify/"


def link_in(email):
    return re.search(r"http://testserver(/en/accounts/verify/\S+/)", email.body).group(1)


@pytest.fixture
def student():
    return UserFactory(email="wei@example.org")


def test_the_emailed_link_verifies_the_logged_in_student(client, student):
    client.force_login(student)
    client.post(RESEND_URL)
    link = link_in(mail.outbox[0])

    response = client.get(link, follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:account")
    html = response.content.decode()
    assert "your email address is confirmed" in html
    assert "Verified" in html and "Not verified" not in html
    student.refresh_from_db()
    assert student.is_email_verified
    assert abs(student.email_verified_at - timezone.now()) < timedelta(minutes=1)


def test_the_link_also_works_when_not_logged_in_and_offers_the_login(client, student):
    response = client.get(reverse("accounts:verify_email", args=[make_verification_token(student)]))
    assert response.status_code == 302 and response.url == reverse("login")
    student.refresh_from_db()
    assert student.is_email_verified


def test_opening_the_link_again_keeps_the_first_date_and_says_so(client, student):
    link = reverse("accounts:verify_email", args=[make_verification_token(student)])
    client.force_login(student)
    client.get(link)
    student.refresh_from_db()
    first = student.email_verified_at

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        response = client.get(link, follow=True)

    assert "Your email address was already confirmed." in response.content.decode()
    student.refresh_from_db()
    assert student.email_verified_at == first


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature
        lambda token: "x" + token,  # payload
        lambda token: token.split(":")[0],  # signature removed
    ],
)
def test_a_tampered_link_is_refused_with_an_explanation(client, student, tamper):
    token = tamper(make_verification_token(student))

    response = client.get(reverse("accounts:verify_email", args=[token]))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Email address not confirmed" in html
    assert "This verification link is not valid" in html
    assert f'href="{reverse("login")}?next={RESEND_URL}"' in html
    student.refresh_from_db()
    assert not student.is_email_verified


def test_a_link_signed_for_another_purpose_is_refused(client, student):
    token = signing.dumps({"user": student.pk, "email": student.email}, salt="something.else")
    response = client.get(reverse("accounts:verify_email", args=[token]))
    assert response.status_code == 400
    student.refresh_from_db()
    assert not student.is_email_verified


def test_an_expired_link_is_refused_and_offers_a_new_one(client, student):
    token = make_verification_token(student)
    client.force_login(student)

    later = timezone.now() + VERIFICATION_MAX_AGE + timedelta(minutes=1)
    with time_machine.travel(later):
        response = client.get(reverse("accounts:verify_email", args=[token]))

    assert response.status_code == 400
    html = response.content.decode()
    assert "This verification link has expired" in html
    assert reverse("accounts:resend_verification") in html
    student.refresh_from_db()
    assert not student.is_email_verified


def test_a_link_just_inside_its_lifetime_still_works(client, student):
    token = make_verification_token(student)
    almost = timezone.now() + VERIFICATION_MAX_AGE - timedelta(minutes=1)
    with time_machine.travel(almost):
        client.get(reverse("accounts:verify_email", args=[token]))
    student.refresh_from_db()
    assert student.is_email_verified


def test_a_link_for_another_account_does_not_verify_either(client, student):
    other = UserFactory(email="other@example.org")
    client.force_login(other)

    response = client.get(reverse("accounts:verify_email", args=[make_verification_token(student)]))

    assert response.status_code == 400
    assert "belongs to a different account" in response.content.decode()
    student.refresh_from_db()
    other.refresh_from_db()
    assert not student.is_email_verified and not other.is_email_verified


def test_a_link_for_a_changed_address_no_longer_works(client, student):
    token = make_verification_token(student)
    student.email = "new.address@example.org"
    student.save()

    response = client.get(reverse("accounts:verify_email", args=[token]))

    assert response.status_code == 400
    assert "no longer in use" in response.content.decode()
    student.refresh_from_db()
    assert not student.is_email_verified


def test_resend_page_explains_and_sends_a_fresh_link_on_post(client, student):
    client.force_login(student)
    page = client.get(RESEND_URL).content.decode()
    assert "wei@example.org" in page and "Send the link again" in page
    assert mail.outbox == []  # looking at the page sends nothing

    response = client.post(RESEND_URL, follow=True)

    assert "We have sent a new link to wei@example.org." in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["wei@example.org"]


@pytest.mark.usefixtures("clock_following_cache")
def test_resend_is_limited_to_once_a_minute(client, student):
    client.force_login(student)
    client.post(RESEND_URL)

    response = client.post(RESEND_URL, follow=True)

    assert "less than a minute ago" in response.content.decode()
    assert len(mail.outbox) == 1

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        client.post(RESEND_URL)
    assert len(mail.outbox) == 2


@pytest.mark.usefixtures("clock_following_cache")
def test_resend_right_after_sign_up_waits_for_the_cooldown(client):
    client.post(
        "/en/accounts/signup/",
        {
            "email": "new@example.org",
            "password1": "a-Sound-pass-42",
            "password2": "a-Sound-pass-42",
        },
    )
    response = client.post(RESEND_URL, follow=True)
    assert "less than a minute ago" in response.content.decode()
    assert len(mail.outbox) == 1

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        client.post(RESEND_URL)
    assert len(mail.outbox) == 2
    assert link_in(mail.outbox[0]) != link_in(mail.outbox[1])  # a fresh signature


@pytest.mark.usefixtures("clock_following_cache")
def test_resend_is_limited_per_day(client, student):
    client.force_login(student)
    start = timezone.now().replace(hour=1)  # stays within one local day
    for minute in range(RESEND_DAILY_LIMIT + 1):
        with time_machine.travel(start + timedelta(minutes=2 * minute)):
            response = client.post(RESEND_URL, follow=True)
    assert len(mail.outbox) == RESEND_DAILY_LIMIT
    assert "Please try again tomorrow" in response.content.decode()


def test_resend_for_a_verified_address_sends_nothing(client):
    client.force_login(UserFactory(email_verified_at=timezone.now()))
    response = client.post(RESEND_URL, follow=True)
    assert "already confirmed" in response.content.decode()
    assert mail.outbox == []


def test_resend_needs_a_login(client):
    response = client.post(RESEND_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")
    assert mail.outbox == []


def test_the_sign_up_service_refuses_a_taken_address_in_another_case(student):
    with pytest.raises(ValidationError) as refused:
        user_sign_up(email="WEI@example.org", password="a-Sound-passphrase-42")
    assert "email" in refused.value.message_dict
