"""Throughput and latency of the public pages under gunicorn, as ratios to a bare Django view.

Run with `.venv/bin/python bench/public_pages.py` (options: --help). It builds the demo content
(the document import and seed_demo) in a temporary SQLite database, then serves, side by side on
loopback ports 8200-8202 (--port), with `gunicorn -w 4`:

- the portal with its page cache (the "cached" column),
- the portal with the page cache off, PAGE_CACHE_SECONDS=0 (the "miss" column: every request
  rendered, as the first one after a staff edit is),
- bench/bare_site.py, one view of Django without app, middleware or database (the baseline).

Each public page, in each language, and a logged-in student's dashboard are loaded with wrk
(`apt-get install wrk`; else a bounded Python load generator, slower and less exact) at 32
connections, in interleaved rounds, each run after one second of the same load that lets every
worker render and keep the page (the first render is what the "miss" column measures); it
prints requests per second, p50 and p99 latency and the ratio of requests per second to the
bare view's, loaded right after each page so that both see the same load of the shared machine;
figures are the median over the rounds. Set REDIS_URL to measure the portal on Redis instead
of local memory.

What the profile showed before the page cache (cProfile of the test client on the demo data, one
process; the same order under gunicorn): the home page took 28 ms, the catalog 31 ms, the
partnership page 17 ms, the supervisors 15 ms, a news article 12 ms and the other pages 5-8 ms,
with 0-6 queries each that SQLite ran in under 1 ms in all. The time went into the ORM building
and compiling the program cards' query (`Program.objects.with_intake_summary`: three subqueries
over the intake status rule, 10 ms of home's 28) and into template rendering: includes,
`{% url %}`, translations and form widgets, spread thin, no single hot spot; a logged-in
student's dashboard (4 queries: session, user, applications, their history) took 24 ms the same
way. Every anonymous page also set a `csrftoken` cookie (the language form) and `Vary: Cookie`.
Hence the full-page cache (portal/page_cache.py); README.md ("Benchmarks") has the figures.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORKERS = 4
TARGETS = "targets: cached ≥ 0.8× bare, miss ≥ 0.3×, dashboard ≥ 0.3×, p99 ≤ 50 ms"


def main():
    options = parse_options()
    workdir = Path(tempfile.mkdtemp(prefix="bench-public-pages-"))
    portal_env = portal_environment(workdir)
    os.environ.update(portal_env)
    sys.path.insert(0, str(ROOT))
    pages, student_cookie = build_site()
    servers = {
        "cached": (options.port, portal_env, "portal.wsgi:application"),
        "miss": (
            options.port + 1,
            portal_env | {"PAGE_CACHE_SECONDS": "0"},
            "portal.wsgi:application",
        ),
        "bare": (
            options.port + 2,
            bare_environment(),
            "django.core.wsgi:get_wsgi_application()",
        ),
    }
    processes = [start_gunicorn(port, env, app) for port, env, app in servers.values()]
    try:
        for port, _, _ in servers.values():
            wait_until_serving(port)
        load = wrk if shutil.which("wrk") and not options.python_load else python_load
        runs = plan_runs(pages, student_cookie, servers, options)
        bare_url = f"http://127.0.0.1:{servers['bare'][0]}/"
        results = {run: [] for run in runs}
        warm_up = argparse.Namespace(**vars(options) | {"duration": 1})
        for _ in range(options.rounds):
            for run, (url, headers) in runs.items():
                load(url, headers, warm_up)  # every worker has the page: a steady state
                figures = load(url, headers, options)
                # The bare view right after, so that both see the same load of the machine.
                figures["bare"] = load(bare_url, {}, options)["rps"]
                results[run].append(figures)
        report(results, options, load)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=4, help="seconds per page and round")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved rounds (median)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8200, help="first of three loopback ports")
    parser.add_argument("--only", default="", help="measure only pages whose name has this")
    parser.add_argument("--python-load", action="store_true", help="don't use wrk")
    return parser.parse_args()


def portal_environment(workdir):
    for folder in ("static", "media", "private_media"):
        (workdir / folder).mkdir()
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "ENV_FILE": str(workdir / "none.env"),
        "SECRET_KEY": "bench-" + "x" * 50,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private_media"),
        "LOG_LEVEL": "WARNING",
    }
    if redis_url := os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = redis_url
    return env


def bare_environment():
    return {"DJANGO_SETTINGS_MODULE": "bare_site", "PYTHONPATH": str(ROOT / "bench")}


def build_site():
    """Demo content, a student with an application; the pages to load (name → path and
    language) and the student's session cookie."""
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from partnership.models import NewsArticle
    from programs.models import Intake, Program, Supervisor

    for command in ("migrate", "collectstatic"):
        call_command(command, interactive=False, verbosity=0)
    document = ROOT / "content" / "zju-alibaba-cooperation-2020.txt"
    call_command("import_document", str(document), stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    from tests.applications.factories import ApplicationFactory

    application = ApplicationFactory(intake=Intake.objects.open().first())
    client = Client()
    client.force_login(application.applicant)

    program = Program.objects.published().filter(intakes__isnull=False).first()
    named = {
        "home": ("home", {}),
        "catalog": ("programs:catalog", {}),
        "program": ("programs:detail", {"slug": program.slug}),
        "supervisors": ("programs:supervisors", {}),
        "supervisor": ("programs:supervisor_detail", {"slug": Supervisor.objects.first().slug}),
        "news": ("partnership:news_list", {}),
        "news article": ("partnership:news_detail", {"slug": NewsArticle.objects.first().slug}),
        "partnership": ("partnership:overview", {}),
        "timeline": ("partnership:timeline", {}),
        "institute": ("partnership:institute", {}),
        "privacy": ("privacy", {}),
    }
    pages = {}
    for language in ("en", "zh-hans"):
        with translation.override(language):
            for name, (url_name, kwargs) in named.items():
                pages[f"{name} [{language}]"] = (reverse(url_name, kwargs=kwargs), language)
        with translation.override("en"):
            dashboard = reverse("applications:dashboard")
    pages["student dashboard [en]"] = (dashboard, "en")
    return pages, f"{client.cookies['sessionid'].key}={client.cookies['sessionid'].value}"


def plan_runs(pages, student_cookie, servers, options):
    """(server, page) → (URL, headers)."""
    runs = {}
    for server in ("cached", "miss"):
        for name, (path, language) in pages.items():
            if options.only not in name:
                continue
            if name.startswith("student") and server == "miss":
                continue  # logged-in pages are never cached: one column is enough
            headers = {"Accept-Language": language}
            if name.startswith("student"):
                headers["Cookie"] = student_cookie
            url = f"http://127.0.0.1:{servers[server][0]}{path}"
            check_page(url, headers)
            runs[(server, name)] = (url, headers)
    return runs


def check_page(url, headers):
    """Each page answers 200 at its own address before it is measured."""
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http://127.0.0.1 only)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        if response.status != 200 or response.url != url:
            raise SystemExit(f"{url} answered {response.status} at {response.url}")


def start_gunicorn(port, env, app):
    command = [
        str(BIN / "gunicorn"),
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={WORKERS}",
        f"--chdir={ROOT}",
        "--log-level=warning",
        "--no-control-socket",
    ]
    return subprocess.Popen(command, env=os.environ | env)


def wait_until_serving(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on port {port}")


def wrk(url, headers, options):
    """{rps, p50, p99 (ms), errors} of one wrk run."""
    command = ["wrk", "-t2", f"-c{options.connections}", f"-d{options.duration}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": wrk_ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": wrk_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "errors": (int(errors.group(1)) if errors else 0) + (1 if socket_errors else 0),
    }


def wrk_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def python_load(url, headers, options):
    """The same figures from `connections` threads, each sending requests one after another
    for `duration` seconds; bounded by the GIL, so below what wrk would measure."""
    host, port = url.split("//")[1].split("/")[0].split(":")
    path = "/" + url.split("//")[1].split("/", 1)[1]
    latencies, errors = [], []
    stop = time.monotonic() + options.duration

    def load():
        while time.monotonic() < stop:
            connection = HTTPConnection(host, int(port), timeout=30)
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            latencies.append(time.perf_counter() - start)
            if response.status != 200:
                errors.append(response.status)
            connection.close()

    threads = [threading.Thread(target=load) for _ in range(options.connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "errors": len(errors),
    }


def report(results, options, load):
    """Per page the median of each figure over the rounds; the ratio is the median of each
    round's ratio to the bare view measured right after the page."""
    tool = "wrk -t2" if load is wrk else "Python threads"
    print(
        f"\n{tool} -c{options.connections}, {options.duration} s per page, median of "
        f"{options.rounds} round(s); gunicorn -w {WORKERS} on loopback; {TARGETS}"
    )
    print(
        f"{'':8} {'page':30} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'bare r/s':>9} "
        f"{'× bare':>7}  errors"
    )
    for (server, name), rounds in results.items():
        figures = {figure: statistics.median(r[figure] for r in rounds) for figure in rounds[0]}
        ratio = statistics.median(r["rps"] / r["bare"] for r in rounds)
        print(
            f"{server:8} {name:30} {figures['rps']:9.0f} {figures['p50']:8.1f} "
            f"{figures['p99']:8.1f} {figures['bare']:9.0f} {ratio:7.2f}  {figures['errors']:.0f}"
        )


if __name__ == "__main__":
    main()
