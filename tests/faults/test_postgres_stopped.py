"""PostgreSQL stopped under a running gunicorn: the 503 page and a /healthz naming the
database while it is down, and the site back with everything it had once it returns.

The portal runs as `make run` serves it (gunicorn, DEBUG off, collected static files) on a
private cluster this test starts, so the real driver meets a really closed port; it needs
only PostgreSQL's binaries, so it runs in both CI legs.
"""

import http.cookiejar
import json
import os
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.faults.postgres_cluster import private_cluster
from tests.loopback import free_port, served_by_gunicorn

pytestmark = pytest.mark.faults

POSTGRES_PORT = free_port()  # the private cluster
PASSWORD = "a-Sound-passphrase-42"


@pytest.fixture(scope="module")
def cluster():
    cluster = private_cluster(POSTGRES_PORT)
    yield cluster
    cluster.remove()


@pytest.fixture(scope="module")
def site(cluster, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("postgres-site")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "TEST_DATABASE_NAME"}
    }
    env.update(
        ENV_FILE=str(tmp / "none.env"),
        DEBUG="0",
        SECRET_KEY="postgres-fault-test-" + "k7" * 20,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=cluster.url,
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp / "private_media"),
    )
    with served_by_gunicorn(
        env,
        commands=[["migrate", "--noinput"], ["collectstatic", "--noinput", "-v", "0"]],
        stderr=subprocess.DEVNULL,  # the tracebacks of the outage are expected
    ) as url:
        yield url


class Visitor:
    """A browser without a browser: keeps cookies, posts forms with their CSRF token."""

    def __init__(self, site):
        self.site = site
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path, language="en"):
        request = urllib.request.Request(self.site + path, headers={"Accept-Language": language})
        return self._open(request)

    def post(self, path, data):
        token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        return self._open(urllib.request.Request(self.site + path, data=body))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers


def test_the_site_answers_503_while_postgresql_is_stopped_and_loses_nothing(site, cluster):
    visitor = Visitor(site)
    assert visitor.get("/en/accounts/signup/")[0] == 200
    signed_up = visitor.post(
        "/en/accounts/signup/",
        {"email": "kept@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert signed_up[0] == 200  # the redirect followed to the next page
    assert "kept@example.org" in visitor.get("/en/accounts/")[1]

    cluster.stop()
    try:
        status, html, headers = visitor.get("/en/accounts/")
        assert status == 503
        assert "The portal is unavailable for a moment" in html
        assert "Traceback" not in html
        assert headers["Retry-After"] == "60"
        status, html, _headers = visitor.get("/zh-hans/programs/")
        assert status == 503
        assert '<html lang="zh-hans">' in html
        assert re.search(r"<h1>[^<a-zA-Z]+</h1>", html)  # the heading, in Chinese
        assert Visitor(site).get("/")[0] == 503

        status, body, _headers = visitor.get("/healthz")
        assert status == 503
        health = json.loads(body)
        assert health["database"] == "unavailable"
        assert health["default storage"] == health["private storage"] == "ok"
        assert "postgres" not in body and str(POSTGRES_PORT) not in body
    finally:
        cluster.start()

    status, body, _headers = visitor.get("/healthz")
    assert (status, json.loads(body)["database"]) == (200, "ok")
    # The account made before the outage is intact: its session and its password work.
    assert "kept@example.org" in visitor.get("/en/accounts/")[1]
    again = Visitor(site)
    again.get("/en/accounts/login/")
    again.post("/en/accounts/login/", {"username": "kept@example.org", "password": PASSWORD})
    assert "kept@example.org" in again.get("/en/accounts/")[1]
