"""The privacy notice: reachable from every page, and true to the settings that enforce it."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PRIVACY = reverse("privacy")


def test_the_notice_says_what_is_kept_and_how_to_take_it_away(client):
    html = client.get(PRIVACY).content.decode()
    assert "<h1>Privacy notice</h1>" in html
    for fact in [
        "only as a salted hash",
        "Reviewers see only the applications assigned to them.",
        "no analytics, no advertising and no content from other websites",
        "Download everything we keep about you as a file (JSON)",
        "the emails we sent you and the records of your logins are deleted",
    ]:
        assert fact in html
    assert f'href="{reverse("login")}">Log in to see your account page' in html


def test_the_lock_it_describes_is_the_one_configured(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    html = client.get(PRIVACY).content.decode()
    assert "After 3 failed logins for one account" in html
    assert "locked there for 30 minutes." in html


def test_a_logged_in_student_is_sent_to_their_account_page(client):
    client.force_login(UserFactory())
    html = client.get(PRIVACY).content.decode()
    assert f'href="{reverse("accounts:account")}">Go to your account page' in html


def test_the_contact_address_is_shown_when_configured(client, settings):
    html = client.get(PRIVACY).content.decode()
    assert "mailto:" not in html
    assert "Ask the program office" in html
    settings.CONTACT_EMAIL = "privacy@sst.example.org"
    html = client.get(PRIVACY).content.decode()
    assert '<a href="mailto:privacy@sst.example.org">privacy@sst.example.org</a>' in html


@pytest.mark.parametrize("url_name", ["home", "programs:catalog", "accounts:signup"])
def test_every_page_links_the_notice(client, url_name):
    assert f'<a href="{PRIVACY}">Privacy notice</a>' in client.get(reverse(url_name)).text


def test_sign_up_points_to_the_notice(client):
    html = client.get(reverse("accounts:signup")).text
    assert f'Our <a href="{PRIVACY}">privacy notice</a> says what we keep about you' in html


def test_the_notice_is_in_the_sitemap_and_in_chinese(client):
    assert f"http://testserver{PRIVACY}</loc>" in client.get(reverse("sitemap")).text
    assert "http://testserver/zh-hans/privacy/</loc>" in client.get(reverse("sitemap")).text
    html = client.get("/zh-hans/privacy/").text
    assert "<h1>隐私声明</h1>" in html
