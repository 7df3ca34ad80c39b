"""What the benchmarks share: a throwaway database (SQLite, or a dedicated PostgreSQL database
for those that ask) with production-like settings, and a median of timed requests. Figures are
ratios against a baseline page of the same run."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def set_up_django(name, *, postgres_from_env=False):
    """Configure Django on a fresh database and migrate it; return the database's name.

    SQLite in a temporary folder; with `postgres_from_env` and DATABASE_URL set to PostgreSQL,
    a database `bench_<name>` created anew on that server (never the one the URL names).
    """
    sys.path.insert(0, str(ROOT))
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    server_url = os.environ.get("DATABASE_URL", "")
    if postgres_from_env and server_url.startswith(("postgres://", "postgresql://")):
        database_url = _fresh_postgres_database(server_url, f"bench_{name}")
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        ENV_FILE=str(workdir / "none.env"),
        SECRET_KEY="bench-" + "x" * 40,
        DEBUG="0",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(workdir / "static"),
    )
    os.environ.pop("REDIS_URL", None)
    (workdir / "static").mkdir()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    return "PostgreSQL" if database_url.startswith("postgres") else "SQLite"


def _fresh_postgres_database(server_url, database):
    """Drop and create `database` on the server of `server_url`; return its URL."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{database}"))


def source_storages():
    """Static files from the source folders: the benchmarks don't run collectstatic."""
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "applications.storage.PrivateFileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def median_ms(request, *, rounds, before_each=None, status=200):
    """Median time of `rounds` calls of `request()` (a test-client call) after one checked
    warm-up; `before_each` runs untimed before every call."""
    response = request()
    assert response.status_code == status, response.status_code
    timings = []
    for _ in range(rounds):
        if before_each:
            before_each()
        start = time.perf_counter()
        request()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def report(title, results, baseline):
    print(title)
    for name, ms in results.items():
        print(f"  {name:34} {ms:9.2f} ms  {ms / results[baseline]:7.2f} × baseline")
