"""Database down: every page answers the 503 page (translated, no traceback), never a 500."""

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.factories import StudentProfileFactory
from tests.page_inventory import PAGES
from tests.page_visits import page_params, visit

pytestmark = pytest.mark.django_db

UNAVAILABLE = "The portal is unavailable for a moment"
# Anonymous pages that read nothing from the database keep serving; every other page is the 503.
SERVED_WITHOUT_DATABASE = {
    "login",
    "privacy",
    "robots_txt",
    "/no-such-page/",
    "accounts:signup",
    "accounts:verify_email (bad link)",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_complete",
    "applications:referee_letter (bad link)",
}


@pytest.fixture
def database_down(monkeypatch):
    """From now on every query fails as it does when PostgreSQL has gone away."""

    def refuse(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    return lambda: monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert UNAVAILABLE in html
    assert "Traceback" not in html and "OperationalError" not in html


@pytest.mark.parametrize("page", page_params([page for page in PAGES if page.name != "healthz"]))
def test_every_page_answers_503_while_the_database_is_down(client, page, database_down):
    url = visit(client, page)
    database_down()
    response = client.get(url)
    if response.status_code == page.status:
        assert page.label in SERVED_WITHOUT_DATABASE, page.label
        return
    assert_unavailable_page(response)


def test_a_login_posted_while_the_database_is_down_gets_the_503_page(client, database_down):
    user = StudentProfileFactory().user
    database_down()
    response = client.post("/en/accounts/login/", {"username": user.email, "password": "x"})
    assert_unavailable_page(response)


def test_the_503_page_is_in_the_visitors_language(client, database_down):
    database_down()
    response = client.get("/zh-hans/programs/")  # the address says the language
    assert response.status_code == 503
    assert '<html lang="zh-hans">' in response.content.decode()
    assert UNAVAILABLE not in response.content.decode()
