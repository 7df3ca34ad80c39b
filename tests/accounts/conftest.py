import pytest
from django.core.cache import cache


@pytest.fixture
def clock_following_cache(settings):
    """The throttle tests travel in time (time_machine): an in-process cache follows the
    travel, while Redis expires keys by its own clock. The throttle logic is the same."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()
