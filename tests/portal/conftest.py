"""Fixtures of the page cache's tests (test_page_cache.py, test_page_cache_front.py)."""

import pytest

from tests.factories import IntakeFactory, ProgramFactory, SupervisorFactory
from tests.partnership.factories import NewsArticleFactory


@pytest.fixture
def content(imported):
    """The imported document, and an open intake of a program."""
    program = ProgramFactory(title="Cache test program")
    intake = IntakeFactory(program=program, name="Cache test intake")
    return {
        "program": program,
        "intake": intake,
        "supervisor": SupervisorFactory(),
        "article": NewsArticleFactory(title="Cache test news"),
    }
