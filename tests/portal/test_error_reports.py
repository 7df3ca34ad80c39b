"""A server error is mailed to ADMINS (with DEBUG off), the database's loss too."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@override_settings(ROOT_URLCONF="tests.portal.test_base_layout")
@pytest.mark.parametrize(("url", "status"), [("/broken/", 500), ("/database-down/", 503)])
def test_a_server_error_is_mailed_to_the_admins(client, settings, mailoutbox, url, status):
    settings.ADMINS = [("", "ops@example.org")]
    assert client.get(url).status_code == status
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ops@example.org"]
    assert url in mailoutbox[0].subject


@override_settings(ROOT_URLCONF="tests.portal.test_base_layout")
def test_without_admins_no_error_mail_is_sent(client, settings, mailoutbox):
    settings.ADMINS = []
    client.get("/broken/")
    assert mailoutbox == []
