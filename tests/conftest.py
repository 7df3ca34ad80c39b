from io import StringIO
from pathlib import Path

import factory.random
import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished
from django.utils import translation

from portal.celery import app as celery_app

DOCUMENT = Path(django_settings.BASE_DIR) / "content" / "zju-alibaba-cooperation-2020.txt"
CHINESE_DOCUMENT = DOCUMENT.with_name("zju-alibaba-cooperation-2020.zh-hans.txt")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file rather than memory, so that a second process,
    the Celery worker of tests/mail/test_worker.py, can open it."""
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and not database.get("TEST", {}).get(
        "NAME"
    ):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")


@pytest.fixture(autouse=True)
def _fast_and_uncollected(settings):
    """Tests hash passwords quickly and read static files from the source folders."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_outside_the_worktree(settings, tmp_path_factory):
    """Uploads made by tests (page builders, photos, documents) never land in the worktree."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    settings.PRIVATE_MEDIA_ROOT = tmp_path_factory.mktemp("private_media")


@pytest.fixture
def private_media(settings):
    """The folder this test's applicants' documents are stored in."""
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def imported(db):
    """The database as `make run` leaves it: the source document imported."""
    call_command("import_document", str(DOCUMENT), stdout=StringIO())


@pytest.fixture
def imported_in_english_only(db, tmp_path):
    """The source document imported without its Chinese version: every text in English only."""
    english_only = tmp_path / DOCUMENT.name
    english_only.write_bytes(DOCUMENT.read_bytes())
    call_command("import_document", str(english_only), stdout=StringIO())


@pytest.fixture(autouse=True)
def _reproducible_fake_data(request):
    """Factories draw the same fake names and texts for a test on every run, so a failure that
    depends on them (a random word matching a search) shows every time, not once in CI."""
    factory.random.reseed_random(request.node.nodeid)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle counters and cached feeds live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


def _back_to_the_default_language(**kwargs):
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _test_code_in_the_default_language():
    """Test code runs in the default language, as code outside a request does: a request to a
    /zh-hans/ page activates Chinese in this thread, and would otherwise turn the test's next
    reverse() into a Chinese address, in this test or the next."""
    translation.activate(django_settings.LANGUAGE_CODE)
    request_finished.connect(_back_to_the_default_language)
    yield
    request_finished.disconnect(_back_to_the_default_language)
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """`with after_commit(): ...` runs what the code inside left for after its transaction
    commits (emails), as a real request does; the test's own transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True, scope="session")
def _tasks_run_at_once():
    """A task queued by the code under test runs at once, in the test (Celery's eager mode);
    tests/mail/test_worker.py runs a real worker on a real broker instead."""
    celery_app.conf.task_always_eager = True
