"""Fixtures of the staff selection tests."""

import pytest

from tests.selection.factories import make_manager


@pytest.fixture
def manager_client(client):
    """The test client, logged in as a selection manager."""
    client.force_login(make_manager())
    return client
