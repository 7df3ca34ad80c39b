"""Staff pages over the submitted applications of one intake, each with several reviews: the
application list (plain, searched, sorted by average score, each filter), the intake dashboard
and the CSV and Excel exports of all of them, with the CSV export's peak memory.

Run with `.venv/bin/python bench/selection.py`: 10,000 applications in a temporary SQLite
database. With DATABASE_URL set to a PostgreSQL server, 100,000 applications in a database
`bench_selection` created anew on that server (never the database the URL names), e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/selection.py

BENCH_APPLICATIONS overrides the number. Reports each page's median time, and its ratio
against the admin index (same admin middleware and templates, no application data) measured
in the same run. Not part of the test suite.
"""

import gc
import os
import random
import time
import tracemalloc
from functools import partial
from typing import NamedTuple

from harness import median_ms, report, set_up_django, source_storages

ROUNDS = 15
EXPORT_ROUNDS = 3
REVIEWERS = 3  # every application has a review from each, a score per criterion
CRITERIA = 2
BATCH = 10_000
BASELINE = "admin index (baseline)"


def create_reviews(applications, reviewers, criteria):
    """A review by each reviewer of each application, with a score per criterion, in batches."""
    from selection.models import Review, ReviewScore

    scores = random.Random(12)
    for start in range(0, len(applications), BATCH):
        reviews = Review.objects.bulk_create(
            [
                Review(application=application, reviewer=reviewer)
                for application in applications[start : start + BATCH]
                for reviewer in reviewers
            ]
        )
        ReviewScore.objects.bulk_create(
            [
                ReviewScore(review=review, criterion=criterion, score=scores.randint(1, 5))
                for review in reviews
                for criterion in criteria
            ],
            batch_size=BATCH,
        )


def analyze(connection):
    """Fresh planner statistics after bulk inserts, as autovacuum would give them in time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def export(client, url, data):
    """An export action, read to its end whether it is built whole or streamed."""
    response = client.post(url, data)
    if response.streaming:
        for _chunk in response.streaming_content:
            pass
    return response


def peak_memory_mb(request):
    """The most Python memory held at once while `request()` runs (tracemalloc), counted
    from a collected heap, so that garbage of earlier requests is not counted."""
    gc.collect()
    tracemalloc.start()
    try:
        request()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def xlsx_build_ms(client, url, data):
    """The Excel export: the request only records the job (queued for the worker, here not
    sent to any broker); the build is then timed as the worker runs it."""
    from selection import tasks
    from selection.models import ExportJob
    from selection.services import export_job_build

    original, tasks.build_xlsx_export.delay = tasks.build_xlsx_export.delay, lambda job_id: None
    try:
        start = time.perf_counter()
        response = client.post(url, data)
        request_ms = (time.perf_counter() - start) * 1000
    finally:
        tasks.build_xlsx_export.delay = original
    assert response.status_code == 302, response.status_code
    job = ExportJob.objects.latest("pk")
    start = time.perf_counter()
    export_job_build(job_id=job.pk)
    return request_ms, (time.perf_counter() - start) * 1000


class Seeded(NamedTuple):
    intake: object
    small_intake: object
    first_pk: int
    middle_reference: str
    small_first_pk: int
    small_count: int


def seed(count, connection):
    """`count` applications with their reviews in one intake, a tenth as many in another;
    only what the requests name is returned, so that the export's memory is measured in a
    process that holds no more than a server's would (a heap of a million long-lived
    objects also makes Python's full garbage collections rarer)."""
    from applications.models import Application
    from selection.services import review_summaries_refresh
    from tests.factories import IntakeFactory, StaffFactory
    from tests.selection.factories import CriterionFactory, bulk_applications

    intake = IntakeFactory()
    criteria = [CriterionFactory(intake=intake) for _ in range(CRITERIA)]
    reviewers = [StaffFactory() for _ in range(REVIEWERS)]
    applications = bulk_applications(intake, count, batch_size=BATCH)
    create_reviews(applications, reviewers, criteria)
    analyze(connection)  # without statistics PostgreSQL scans every score for each application
    # bulk_create skips review_save, which keeps each application's stored review summary.
    review_summaries_refresh(applications=Application.objects.filter(intake=intake))
    # A tenth as many in another intake: the CSV export's memory should not grow with the count.
    small_intake = IntakeFactory(program=intake.program)
    small = bulk_applications(small_intake, count // 10, batch_size=BATCH)
    analyze(connection)
    return Seeded(
        intake=intake,
        small_intake=small_intake,
        first_pk=applications[0].pk,
        middle_reference=applications[count // 2].reference,
        small_first_pk=small[0].pk,
        small_count=len(small),
    )


def main():
    database = set_up_django("selection", postgres_from_env=True)
    default_count = 100_000 if database == "PostgreSQL" else 10_000
    count = int(os.environ.get("BENCH_APPLICATIONS", default_count))
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from tests.factories import StaffFactory

    started = time.perf_counter()
    data = seed(count, connection)
    print(
        f"Data: {count:,} applications, {count * REVIEWERS:,} reviews in "
        f"{time.perf_counter() - started:.1f} s"
    )
    intake, small_intake = data.intake, data.small_intake

    client = Client()
    client.force_login(StaffFactory())
    changelist = reverse("admin:applications_application_changelist")
    of_intake = f"{changelist}?intake={intake.pk}"
    every = {"select_across": "1", "index": "0", "intake": intake.pk}
    every["_selected_action"] = [data.first_pk]
    pages = {
        BASELINE: reverse("admin:index"),
        "application list (all intakes)": changelist,
        "application list of the intake": of_intake,
        # "Bulk" is in every applicant's name, "99" in a tenth of them: the worst case.
        "… searched: two words, one in every row": f"{of_intake}&q=Bulk+99",
        "… searched: an email address": f"{of_intake}&q=bulk{intake.pk}-{count // 3}@",
        "… searched: a reference": f"{of_intake}&q={data.middle_reference}",
        "… sorted by average score": f"{of_intake}&o=-9",
        "… filter: state": f"{of_intake}&state=submitted",
        "… filter: program": f"{changelist}?intake__program__id__exact={intake.program_id}",
        "… filter: university": f"{of_intake}&university=University+3",
        "… filter: degree level": f"{of_intake}&degree=master",
        "… filter: offer made": f"{of_intake}&offer=no",
        "… last page": f"{of_intake}&p={count // 100}",
        "intake dashboard": reverse("admin:selection_intake_dashboard", args=[intake.pk]),
    }
    with override_settings(STORAGES=source_storages()):
        results = {
            name: median_ms(partial(client.get, url), rounds=ROUNDS) for name, url in pages.items()
        }
        csv = {**every, "action": "export_csv"}
        results[f"CSV export, all {count:,}"] = median_ms(
            partial(export, client, of_intake, csv), rounds=EXPORT_ROUNDS
        )
        small_csv = {**csv, "intake": small_intake.pk}
        of_small = f"{changelist}?intake={small_intake.pk}"
        small_csv["_selected_action"] = [data.small_first_pk]
        memory = {
            f"{data.small_count:,}": peak_memory_mb(partial(export, client, of_small, small_csv)),
            f"{count:,}": peak_memory_mb(partial(export, client, of_intake, csv)),
        }
        request_ms, build_ms = xlsx_build_ms(client, of_intake, {**every, "action": "export_xlsx"})
        results[f"Excel export request, all {count:,}"] = request_ms
        results[f"Excel export built by the worker, all {count:,}"] = build_ms
    report(
        f"{count:,} applications in one intake, {REVIEWERS} reviews each; median of {ROUNDS} "
        f"requests ({EXPORT_ROUNDS} for exports), {database}",
        results,
        BASELINE,
    )
    print("CSV export, peak Python memory while streaming (tracemalloc):")
    for size, megabytes in memory.items():
        print(f"  {size:>8} applications {megabytes:8.1f} MB")


if __name__ == "__main__":
    main()
