"""Render time of the catalog, a program page and the deadline feed with 1,000 programs
and 5,000 intakes.

Run with `.venv/bin/python bench/catalog.py`. Builds the data in a temporary SQLite
database and reports each page's median time as a ratio against the login page
(same middleware and base template, no catalog data) measured in the same run, so figures compare
across machines. Not part of the test suite.
"""

from functools import partial

from harness import median_ms, report, set_up_django, source_storages

ROUNDS = 30
BASELINE = "login page (baseline)"


def main():
    set_up_django("catalog")
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    from tests.programs.factories import build_large_catalog  # the query-count tests' data

    program = build_large_catalog()[500]
    client = Client()
    pages = {
        BASELINE: "/accounts/login/",
        "home": "/",
        "catalog": "/programs/",
        "catalog, filtered": "/programs/?status=open&q=program&sort=deadline&page=3",
        "program page": program.get_absolute_url(),
    }
    feed = "/programs/deadlines.ics"
    with override_settings(STORAGES=source_storages()):
        results = {
            name: median_ms(partial(client.get, url), rounds=ROUNDS) for name, url in pages.items()
        }
        etag = client.get(feed)["ETag"]
        results |= {
            "deadlines.ics, built (5,000 ev.)": median_ms(
                partial(client.get, feed), rounds=ROUNDS, before_each=cache.clear
            ),
            "deadlines.ics, cached": median_ms(partial(client.get, feed), rounds=ROUNDS),
            "deadlines.ics, 304 unchanged": median_ms(
                partial(client.get, feed, headers={"if-none-match": etag}),
                rounds=ROUNDS,
                status=304,
            ),
        }
    report(
        f"1,000 programs, 5,000 intakes; median of {ROUNDS} requests each (SQLite)",
        results,
        BASELINE,
    )


if __name__ == "__main__":
    main()
