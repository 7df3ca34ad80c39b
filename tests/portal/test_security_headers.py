"""Every response carries the security headers; with HTTPS on, HSTS and secure cookies."""

import json
import os
import subprocess
import sys

import pytest

from tests.factories import StaffFactory
from tests.page_inventory import PAGES
from tests.page_visits import ROOT, page_params, visit

pytestmark = pytest.mark.django_db


def _csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def assert_security_headers(response):
    csp = _csp(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert "upgrade-insecure-requests" not in csp  # only with HTTPS=1
    assert not any("unsafe" in source for sources in csp.values() for source in sources)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions


@pytest.mark.parametrize("page", page_params(PAGES))
def test_every_page_sends_the_security_headers(client, page):
    assert_security_headers(client.get(visit(client, page)))


def test_the_admin_login_sends_the_security_headers(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize("url", ["/admin/", "/admin/accounts/user/", "/admin/accounts/user/add/"])
def test_admin_pages_send_the_security_headers(client, url):
    client.force_login(StaffFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_failed_post_and_a_405_send_the_security_headers(client):
    assert_security_headers(client.post("/en/accounts/login/", {"username": "x", "password": "y"}))
    assert_security_headers(client.post("/healthz"))


# Settings are read once per process: HTTPS=1 runs in a fresh interpreter.
HTTPS_PROBE = """
import json
import django
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings, setup_test_environment

django.setup()
setup_test_environment()
# Static files are not collected here; plain storage gives their URLs without a manifest.
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()
client = Client()
plain = client.get("/en/accounts/login/")
secure = client.get("/en/accounts/login/", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "hsts": secure.get("Strict-Transport-Security", ""),
    "csp": secure.get("Content-Security-Policy", ""),
    "cookies": {
        name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"])}
        for response in (secure,)
        for name, morsel in response.cookies.items()
    },
    "session_cookie": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY],
}))
"""


def test_https_mode_sends_preload_ready_hsts_and_secure_httponly_cookies(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        ENV_FILE="/nonexistent/.env",
        DJANGO_SETTINGS_MODULE="portal.settings",
        SECRET_KEY="https-probe-" + "q7" * 25,
        HTTPS="1",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", HTTPS_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["plain_status"] == 301
    assert probe["plain_location"].startswith("https://")
    assert probe["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in probe["csp"].split("; ")
    assert set(probe["cookies"]) == {"csrftoken"}  # the language is in the address, not a cookie
    assert all(flags == {"secure": True, "httponly": True} for flags in probe["cookies"].values())
    assert probe["session_cookie"] == [True, True]
