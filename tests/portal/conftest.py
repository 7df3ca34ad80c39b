from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

DOCUMENT = Path(settings.BASE_DIR) / "content" / "zju-alibaba-cooperation-2020.txt"


@pytest.fixture
def imported(db):
    """The database as `make run` leaves it: the source document imported."""
    call_command("import_document", str(DOCUMENT), stdout=StringIO())
