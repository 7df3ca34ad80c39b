"""Two requests at the same moment still make one application and one submission.

Runs on PostgreSQL only (DATABASE_URL=postgres://...): SQLite serialises every writer, so
it cannot show the race the row lock and the unique constraint protect against.
"""

import threading

import pytest
from django.db import connection

from applications.models import Application, ApplicationStateChange
from applications.services import (
    ApplicationStateError,
    application_start,
    application_submit,
)
from applications.states import ApplicationState
from tests.applications.factories import complete_application
from tests.factories import IntakeFactory, StudentProfileFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL for real concurrent transactions; SQLite serialises writers",
    ),
]


def run_together(action, count=2):
    """Run `action` in `count` threads released at the same instant; return results."""
    barrier = threading.Barrier(count)
    results = []

    def worker():
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            results.append(action())
        except Exception as error:  # collected and asserted by the test
            results.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_concurrent_submits_make_one_submission(transactional_db):
    application = complete_application()
    user = application.applicant

    results = run_together(
        lambda: application_submit(application=Application.objects.get(pk=application.pk), by=user)
    )

    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ApplicationStateError), results
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    assert ApplicationStateChange.objects.filter(application=application).count() == 1


def test_two_concurrent_starts_make_one_application(transactional_db):
    user = StudentProfileFactory().user
    intake = IntakeFactory()

    results = run_together(lambda: application_start(intake=intake, user=user).pk)

    assert len(set(results)) == 1, results
    assert Application.objects.filter(applicant=user, intake=intake).count() == 1
