"""The language of our emails follows the language switcher for a logged-in user."""

import pytest
from django.conf import settings

from accounts.models import supported_language
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SWITCH_URL = "/i18n/setlang/"


def test_switching_language_while_logged_in_changes_the_language_of_our_emails(client):
    user = UserFactory(language="en")
    client.force_login(user)

    response = client.post(SWITCH_URL, {"language": "zh-hans", "next": "/accounts/"})

    assert response.status_code == 302 and response.url == "/accounts/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    user.refresh_from_db()
    assert user.language == "zh-hans"

    client.post(SWITCH_URL, {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"


@pytest.mark.parametrize("code", ["fr", "xx", "", "zh-hans" * 40])
def test_a_language_the_site_does_not_offer_changes_nothing(client, code):
    user = UserFactory(language="zh-hans")
    client.force_login(user)

    response = client.post(SWITCH_URL, {"language": code, "next": "/"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "zh-hans"


def test_switching_without_logging_in_only_sets_the_cookie(client):
    user = UserFactory(language="en")

    response = client.post(SWITCH_URL, {"language": "zh-hans", "next": "/"})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    user.refresh_from_db()
    assert user.language == "en"


def test_a_get_changes_nothing(client):
    user = UserFactory(language="en")
    client.force_login(user)

    client.get(SWITCH_URL, {"language": "zh-hans", "next": "/"})

    user.refresh_from_db()
    assert user.language == "en"


@pytest.mark.parametrize(
    ("code", "supported"),
    [
        ("en", "en"),
        ("zh-hans", "zh-hans"),
        ("zh-Hans", "zh-hans"),
        ("zh-cn", "zh-hans"),
        ("en-gb", "en"),
        ("fr", None),
        ("", None),
        (None, None),
    ],
)
def test_supported_language_maps_a_code_to_one_the_site_offers(code, supported):
    assert supported_language(code) == supported
