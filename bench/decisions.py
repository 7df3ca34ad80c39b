"""A decision on 2,000 applications at once, and an email to all 2,000, from the application
list: what the manager's request costs now that the worker does the work past
BULK_ACTION_THRESHOLD (issue 12's bound: under 5 s whatever the mail server does), against the
same work done in the request (the emails only logged and queued there, not even sent).

Run with `.venv/bin/python bench/decisions.py`. Builds 2,000 applications under review in a
temporary SQLite database; the broker is the embedded default (kombu's filesystem transport,
in the same temporary folder) and no worker runs, so only the request is measured. Reports
each request's median time as a ratio against the admin index measured in the same run
(bench/harness.py). The tests of the same paths are tests/selection/test_bulk_decisions.py.
"""

import os
import tempfile
from functools import partial

from harness import median_ms, report, set_up_django, source_storages

APPLICATIONS = 2_000
ROUNDS = 5
BASELINE = "admin index (baseline)"


def main():
    os.environ["CELERY_QUEUE_DIR"] = tempfile.mkdtemp(prefix="bench-decisions-queue-")
    set_up_django("decisions")
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from applications.models import Application, ApplicationStateChange
    from mail.models import EmailLog
    from tests.factories import IntakeFactory
    from tests.selection.factories import bulk_applications, make_manager

    intake = IntakeFactory()
    bulk_applications(intake, APPLICATIONS)
    ids = list(Application.objects.values_list("pk", flat=True))
    client = Client()
    client.force_login(make_manager())
    changelist = reverse("admin:applications_application_changelist")

    def undecide():
        Application.objects.update(state="under_review")
        ApplicationStateChange.objects.all().delete()
        EmailLog.objects.all().delete()

    def action(name, **data):
        """The list action on "select all 2,000" (select_across), as a manager does it."""
        return partial(
            client.post,
            changelist + f"?intake={intake.pk}",
            {"action": name, "select_across": "1", "_selected_action": ids[:1], **data},
        )

    mailing = action("email_applicants", send="Send", subject="Interviews", body="Dear {name}")
    undecide()
    with override_settings(STORAGES=source_storages()):
        results = {
            BASELINE: median_ms(partial(client.get, reverse("admin:index")), rounds=ROUNDS),
            "shortlist 2,000, queued for the worker": median_ms(
                action("shortlist"), rounds=ROUNDS, before_each=undecide, status=302
            ),
            "email 2,000 applicants, queued for the worker": median_ms(
                mailing, rounds=ROUNDS, before_each=undecide, status=302
            ),
        }
        with override_settings(BULK_ACTION_THRESHOLD=APPLICATIONS):
            results["shortlist 2,000 in the request (old)"] = median_ms(
                action("shortlist"), rounds=1, before_each=undecide, status=302
            )
            results["email 2,000 applicants in the request (old)"] = median_ms(
                mailing, rounds=1, before_each=undecide, status=302
            )
    report(
        f"{APPLICATIONS:,} applications under review; median of {ROUNDS} requests "
        "(1 for the old way), SQLite, filesystem broker",
        results,
        BASELINE,
    )


if __name__ == "__main__":
    main()
