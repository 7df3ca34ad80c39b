"""/healthz names each dependency's status: 200 when all serve, 503 naming the failed ones."""

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

pytestmark = pytest.mark.django_db

ALL_OK = {
    "database": "ok",
    "cache": "ok",
    "default storage": "ok",
    "private storage": "ok",
    "queue": "ok",
}
CLOSED_PORT = 8499  # in this branch's port range; nothing listens there


def test_healthz_reports_every_dependency_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == ALL_OK
    assert "no-cache" in response["Cache-Control"]


def test_the_probe_files_are_removed(client, settings, private_media):
    client.get("/healthz")
    assert not any(settings.MEDIA_ROOT.rglob("*.txt"))
    assert not any(private_media.rglob("*.txt"))


def test_healthz_answers_503_naming_the_database(client, monkeypatch):
    def broken_cursor(self, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["cache"] == "ok"


def test_healthz_names_a_cache_that_keeps_nothing(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"
    assert response.json()["database"] == "ok"


def test_healthz_names_a_storage_that_cannot_write(client, monkeypatch):
    def refuse(self, name, content):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(FileSystemStorage, "_save", refuse)
    body = client.get("/healthz").json()
    assert body["default storage"] == "unavailable"
    assert body["private storage"] == "unavailable"


def test_a_broker_that_does_not_answer_is_named_without_its_address(client, settings):
    settings.CELERY_BROKER_URL = f"redis://:s3cret@127.0.0.1:{CLOSED_PORT}/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["queue"] == "unavailable"
    assert "s3cret" not in response.content.decode()
    assert str(CLOSED_PORT) not in response.content.decode()


def test_a_broker_that_answers_is_ok(client, settings):
    settings.CELERY_BROKER_URL = "memory://"
    assert client.get("/healthz").json()["queue"] == "ok"


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


def test_the_default_broker_is_unavailable_without_its_folders(
    client, settings, tmp_path, monkeypatch
):
    """The filesystem transport connects whatever the disk holds: its folders are the check."""
    from portal import celery

    settings.CELERY_BROKER_URL = "filesystem://"  # the CI leg on Redis sets another broker

    monkeypatch.setattr(celery, "queue_folders", lambda: [tmp_path / "gone"])
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["queue"] == "unavailable"
    assert str(tmp_path) not in response.content.decode()


def test_a_queue_left_unconfigured_is_said_so(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["queue"] == "not configured"
