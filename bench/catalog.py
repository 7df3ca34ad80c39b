"""Render time of the catalog, a program page and the deadline feed with 1,000 programs
and 5,000 intakes.

Run with `.venv/bin/python bench/catalog.py`. Builds the data in a temporary SQLite
database and reports each page's median time as a ratio against the login page
(same middleware and base template, no catalog data) measured in the same run, so figures compare
across machines. Not part of the test suite.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROUNDS = 30


def build_dataset():
    # The same data as the catalog's query-count tests.
    from tests.programs.factories import build_large_catalog

    return build_large_catalog()[500]


def median_ms(client, url, *, before_each=None, headers=None, status=200):
    """Median time of ROUNDS requests; `before_each` runs untimed before every request."""
    assert client.get(url, headers=headers).status_code == status, url  # warm up, and check
    timings = []
    for _ in range(ROUNDS):
        if before_each:
            before_each()
        start = time.perf_counter()
        client.get(url, headers=headers)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-catalog-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        ENV_FILE=str(workdir / "none.env"),
        SECRET_KEY="bench-" + "x" * 40,
        DEBUG="0",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
    )
    (workdir / "static").mkdir()
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    program = build_dataset()
    client = Client()
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    pages = {
        "login page (baseline)": "/accounts/login/",
        "home": "/",
        "catalog": "/programs/",
        "catalog, filtered": "/programs/?status=open&q=program&sort=deadline&page=3",
        "program page": program.get_absolute_url(),
    }
    feed = "/programs/deadlines.ics"
    with override_settings(STORAGES=storages):
        results = {name: median_ms(client, url) for name, url in pages.items()}
        etag = client.get(feed)["ETag"]
        results |= {
            "deadlines.ics, built (5,000 ev.)": median_ms(client, feed, before_each=cache.clear),
            "deadlines.ics, cached": median_ms(client, feed),
            "deadlines.ics, 304 unchanged": median_ms(
                client, feed, headers={"if-none-match": etag}, status=304
            ),
        }
    baseline = results["login page (baseline)"]
    print(f"1,000 programs, 5,000 intakes; median of {ROUNDS} requests each (SQLite)")
    for name, ms in results.items():
        print(f"  {name:32} {ms:8.2f} ms  {ms / baseline:6.2f} × baseline")


if __name__ == "__main__":
    main()
