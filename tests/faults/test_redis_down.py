"""Redis down: public pages, feeds and logins keep working; the cache only misses."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.applications.factories import ApplicationFactory
from tests.factories import DEFAULT_PASSWORD, IntakeFactory, StudentProfileFactory
from tests.loopback import free_port

pytestmark = pytest.mark.django_db

CLOSED_PORT = 8499  # this branch's port range; nothing listens there
REDIS_PORT = free_port()  # the private redis-server these tests start and stop


def point_the_cache_at(settings, port):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def redis_closed(settings):
    point_the_cache_at(settings, CLOSED_PORT)


@pytest.fixture
def private_redis(settings, tmp_path):
    """A redis-server of our own on loopback; the test stops it with the returned function."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    process = subprocess.Popen(
        [server, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    point_the_cache_at(settings, REDIS_PORT)

    def stop():
        process.terminate()
        process.wait(timeout=10)

    yield stop
    if process.poll() is None:
        stop()


@pytest.mark.parametrize(
    "url", ["/en/", "/en/programs/", "/en/programs/deadlines.ics", "/en/news/"]
)
def test_public_pages_answer_while_redis_is_down(client, redis_closed, url):
    IntakeFactory()
    assert client.get(url).status_code == 200


def test_a_student_logs_in_and_sees_their_applications(client, redis_closed):
    user = StudentProfileFactory().user
    response = client.post(
        "/en/accounts/login/", {"username": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/en/applications/").status_code == 200
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_draft_saved_while_redis_is_down_is_kept(client, redis_closed):
    application = ApplicationFactory()
    client.force_login(application.applicant)
    url = reverse("applications:step_statement", kwargs={"pk": application.pk})
    assert client.post(url, {"statement": "Written during the outage"}).status_code == 302
    application.refresh_from_db()
    assert application.statement == "Written during the outage"


def test_a_visitor_signs_up_while_redis_is_down(client, redis_closed, mailoutbox, after_commit):
    with after_commit():
        response = client.post(
            "/en/accounts/signup/",
            {
                "email": "new@example.org",
                "password1": "a-Sound-passphrase-42",
                "password2": "a-Sound-passphrase-42",
            },
        )
    assert response.status_code == 302, response.content.decode()
    assert len(mailoutbox) == 1  # the verification link still goes out


def test_redis_stopped_mid_run_turns_cached_pages_into_misses(client, private_redis):
    intake = IntakeFactory()
    first = client.get("/en/programs/deadlines.ics")
    assert first.status_code == 200
    cache.set("probe", "kept")
    assert cache.get("probe") == "kept"  # the cache is really Redis, and it works

    private_redis()
    assert cache.get("probe") is None
    again = client.get("/en/programs/deadlines.ics")
    assert again.status_code == 200
    assert intake.name.encode() in first.content and intake.name.encode() in again.content
    assert client.get("/healthz").json()["cache"] == "unavailable"
