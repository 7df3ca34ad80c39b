import pytest

from tests.programs.factories import create_document_programs


@pytest.fixture
def document_programs(db):
    """The seven programs the document import creates (import_document is another branch)."""
    return create_document_programs()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploaded documents go to a fresh folder per test, never the developer's private_media/."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    return settings.PRIVATE_MEDIA_ROOT
