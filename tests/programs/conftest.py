import pytest

from tests.programs.factories import create_document_programs


@pytest.fixture
def document_programs(db):
    """The seven programs the document import creates (import_document is another branch)."""
    return create_document_programs()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
