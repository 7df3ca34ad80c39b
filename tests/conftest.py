import factory.random
import pytest
from django.core.cache import cache


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
