"""Staff pages with 10,000 submitted applications in one intake: the application list (plain,
searched, sorted by score), the intake dashboard and the CSV and Excel exports of all of them.

Run with `.venv/bin/python bench/selection.py`. Builds the data in a temporary SQLite database
and reports each page's median time as a ratio against the admin index (same admin middleware
and templates, no application data) measured in the same run. Not part of the test suite.
"""

from functools import partial

from harness import median_ms, report, set_up_django, source_storages

ROUNDS = 15
EXPORT_ROUNDS = 3
APPLICATIONS = 10_000
BASELINE = "admin index (baseline)"


def main():
    set_up_django("selection")
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from applications.models import Application
    from tests.factories import IntakeFactory, StaffFactory
    from tests.selection.factories import CriterionFactory, bulk_applications

    intake = IntakeFactory()
    CriterionFactory(intake=intake)
    bulk_applications(intake, APPLICATIONS)  # the list's query-count guard uses the same data
    client = Client()
    client.force_login(StaffFactory())
    changelist = reverse("admin:applications_application_changelist")
    every = {"select_across": "1", "index": "0", "intake": intake.pk}
    every["_selected_action"] = [Application.objects.values_list("pk", flat=True).first()]
    pages = {
        BASELINE: (reverse("admin:index"), ROUNDS),
        "application list of the intake": (f"{changelist}?intake={intake.pk}", ROUNDS),
        "… searched": (f"{changelist}?intake={intake.pk}&q=Bulk+99", ROUNDS),
        "… sorted by average score": (f"{changelist}?intake={intake.pk}&o=-9", ROUNDS),
        "intake dashboard": (
            reverse("admin:selection_intake_dashboard", args=[intake.pk]),
            ROUNDS,
        ),
    }
    with override_settings(STORAGES=source_storages()):
        results = {
            name: median_ms(partial(client.get, url), rounds=rounds)
            for name, (url, rounds) in pages.items()
        }
        for action in ["export_csv", "export_xlsx"]:
            post = partial(
                client.post, f"{changelist}?intake={intake.pk}", {**every, "action": action}
            )
            results[f"{action}, all {APPLICATIONS:,}"] = median_ms(post, rounds=EXPORT_ROUNDS)
    report(
        f"{APPLICATIONS:,} applications in one intake; median of {ROUNDS} requests "
        f"({EXPORT_ROUNDS} for exports), SQLite",
        results,
        BASELINE,
    )


if __name__ == "__main__":
    main()
