"""Render time of the catalog and a program page with 1,000 programs and 5,000 intakes.

Run with `.venv/bin/python bench/catalog.py`. Builds the data in a temporary SQLite
database and reports each page's median time as a ratio against the bare home page
(same middleware and base template) measured in the same run, so figures compare
across machines. Not part of the test suite.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROUNDS = 30


def build_dataset():
    from django.utils import timezone

    from portal.models import Organisation
    from programs.models import Intake, Program, ProgramKind

    zju = Organisation.objects.create(name="Zhejiang University", slug="zju", kind="university")
    programs = Program.objects.bulk_create(
        Program(
            kind=ProgramKind.values[n % len(ProgramKind.values)],
            title=f"Program {n:04d}",
            slug=f"program-{n}",
            summary=f"Summary of program {n}",
            description="A joint program of Zhejiang University and Alibaba. " * 5,
        )
        for n in range(1000)
    )
    Program.host_organisations.through.objects.bulk_create(
        Program.host_organisations.through(program=program, organisation=zju)
        for program in programs
    )
    now = timezone.now()
    windows = [(-30, 20), (-10, 3), (5, 40), (-90, -60), (-5, 60)]
    Intake.objects.bulk_create(
        Intake(
            program=program,
            name=f"Round {i}",
            opens_at=now + timedelta(days=opens + n % 7),
            closes_at=now + timedelta(days=closes + n % 7),
            starts_on=(now + timedelta(days=100)).date(),
            ends_on=(now + timedelta(days=130)).date(),
            capacity=20,
        )
        for n, program in enumerate(programs)
        for i, (opens, closes) in enumerate(windows)
    )
    return programs[500]


def median_ms(client, url):
    assert client.get(url).status_code == 200, url  # warm up, and check it works
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
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
        "home (baseline)": "/",
        "catalog": "/programs/",
        "catalog, filtered": "/programs/?status=open&q=program&sort=deadline&page=3",
        "program page": program.get_absolute_url(),
        "deadlines.ics (5,000 events)": "/programs/deadlines.ics",
    }
    with override_settings(STORAGES=storages):
        results = {name: median_ms(client, url) for name, url in pages.items()}
    baseline = results["home (baseline)"]
    print(f"1,000 programs, 5,000 intakes; median of {ROUNDS} requests each (SQLite)")
    for name, ms in results.items():
        print(f"  {name:32} {ms:8.2f} ms  {ms / baseline:6.2f} × home")


if __name__ == "__main__":
    main()
