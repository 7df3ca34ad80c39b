import pytest
from django.core.cache import cache
from django.db import connection


@pytest.fixture
def clock_following_cache(settings):
    """The throttle tests travel in time (time_machine): an in-process cache follows the
    travel, while Redis expires keys by its own clock. The throttle logic is the same."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client(client):
    """Each request's after-commit work (the emails it queued) runs when the request ends, as
    in production, where every request commits; the test's own transaction never does.

    The callbacks run are taken off the connection's list, so a test that captures callbacks
    itself around a request does not run them twice.
    """
    request = client.request

    def committing_request(**kwargs):
        start = len(connection.run_on_commit)
        response = request(**kwargs)
        while len(connection.run_on_commit) > start:
            callbacks = connection.run_on_commit[start:]
            del connection.run_on_commit[start:]
            for _savepoints, callback, _robust in callbacks:
                callback()
        return response

    client.request = committing_request
    return client
