import pytest

from tests.programs.factories import create_document_programs


@pytest.fixture
def document_programs(db):
    """The seven programs the document import creates (without running the import)."""
    return create_document_programs()
