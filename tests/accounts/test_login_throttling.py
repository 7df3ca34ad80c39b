"""django-axes locks an account from one address after repeated failed logins."""

from datetime import timedelta

import pytest
from django.test import RequestFactory

from accounts.login_throttling import client_ip_address
from tests.factories import DEFAULT_PASSWORD, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE_LOGIN = "/en/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


def _login(client, url, email, password, address="203.0.113.7"):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


def _fail(client, url, email, times, address="203.0.113.7"):
    return [_login(client, url, email, "wrong password", address) for _ in range(times)]


def _is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", [SITE_LOGIN, ADMIN_LOGIN])
def test_the_fifth_failure_locks_the_account_with_the_cool_off_time(client, url, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    user = StaffFactory()
    responses = _fail(client, url, user.email, 4)
    assert [r.status_code for r in responses] == [200] * 4  # the login form with its error

    locked = _fail(client, url, user.email, 1)[0]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Login temporarily locked" in html
    assert "There were 5 failed logins for this account from your address" in html
    assert "Please try again in 15 minutes, after" in html
    assert "(Asia/Shanghai time)" in html
    assert 'href="#main"' in html  # the site layout, not a bare error

    # Even the right password is refused while the lock lasts.
    assert _login(client, url, user.email, DEFAULT_PASSWORD).status_code == 429
    assert not _is_logged_in(client)


def test_the_lock_time_and_limit_come_from_settings(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=1)
    user = UserFactory()
    first, second = _fail(client, SITE_LOGIN, user.email, 2)
    assert first.status_code == 200
    assert second.status_code == 429
    assert "Please try again in 1 minute, after" in second.content.decode()


def test_changing_the_case_of_the_email_does_not_reset_the_count(client):
    user = UserFactory(email="alice@example.org")
    _fail(client, SITE_LOGIN, "alice@example.org", 2)
    _fail(client, SITE_LOGIN, "Alice@Example.org", 2)
    assert _fail(client, SITE_LOGIN, " ALICE@example.org", 1)[0].status_code == 429
    assert _login(client, SITE_LOGIN, user.email, DEFAULT_PASSWORD).status_code == 429


def test_an_overlong_email_is_counted_under_its_first_254_characters(client):
    # Django's login form does not cap the length; PostgreSQL would refuse it in axes' table.
    long_name = "a" * 300 + "@example.org"
    assert [r.status_code for r in _fail(client, SITE_LOGIN, long_name, 4)] == [200] * 4
    assert _fail(client, SITE_LOGIN, long_name[:254] + "different tail", 1)[0].status_code == 429


def test_a_locked_account_still_logs_in_from_another_address(client):
    user = UserFactory()
    _fail(client, SITE_LOGIN, user.email, 5)
    response = _login(client, SITE_LOGIN, user.email, DEFAULT_PASSWORD, address="198.51.100.9")
    assert response.status_code == 302
    assert _is_logged_in(client)


def test_another_account_from_the_same_address_is_not_locked(client):
    locked, other = UserFactory(), UserFactory()
    _fail(client, SITE_LOGIN, locked.email, 5)
    assert _login(client, SITE_LOGIN, other.email, DEFAULT_PASSWORD).status_code == 302


def test_a_successful_login_resets_the_failure_count(client):
    user = UserFactory()
    _fail(client, SITE_LOGIN, user.email, 4)
    assert _login(client, SITE_LOGIN, user.email, DEFAULT_PASSWORD).status_code == 302
    client.post("/en/accounts/logout/")

    # Four more failures: without the reset this would be the eighth and locked.
    assert [r.status_code for r in _fail(client, SITE_LOGIN, user.email, 4)] == [200] * 4
    assert _login(client, SITE_LOGIN, user.email, DEFAULT_PASSWORD).status_code == 302


def test_failures_on_the_site_and_the_admin_login_add_up(client):
    staff = StaffFactory()
    _fail(client, SITE_LOGIN, staff.email, 3)
    _fail(client, ADMIN_LOGIN, staff.email, 1)
    assert _fail(client, ADMIN_LOGIN, staff.email, 1)[0].status_code == 429


def test_logging_in_and_out_still_work(client):
    user = UserFactory()
    response = _login(client, SITE_LOGIN, user.email.upper(), DEFAULT_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert _is_logged_in(client)
    assert client.post("/en/accounts/logout/").status_code == 302
    assert not _is_logged_in(client)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "1.1.1.1, 198.51.100.9", "10.0.0.1"),  # no proxy: the header is the client's lie
        (1, "1.1.1.1, 198.51.100.9", "198.51.100.9"),  # nginx appended the real address
        (2, "1.1.1.1, 198.51.100.9, 10.0.0.2", "198.51.100.9"),
        (1, "", "10.0.0.1"),  # header missing: the connecting address
        (1, "1.1.1.1, not-an-address", "10.0.0.1"),  # a misconfigured proxy: never store junk
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_trusts_only_our_own_proxies(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip_address(request) == expected
