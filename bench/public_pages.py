"""Throughput and latency of the public pages under gunicorn, as ratios to a bare Django view.

Run with `.venv/bin/python bench/public_pages.py` (options: --help). It builds the demo content
(the document import and seed_demo) in a temporary SQLite database, then serves, side by side on
loopback ports 8200-8203 (--port), with `gunicorn -w 4`:

- the portal with its page cache (8200),
- the portal with the page cache off, PAGE_CACHE_SECONDS=0 (8201): nothing is kept anywhere,
- bench/bare_site.py, one view of Django without app, middleware or database (the baseline),
  and beside it a plain Django template page of about 14 KB rendered from three queries, for
  reference: what Django itself does with a simple page ("plain" in the report),
- the portal with one more page that does no work of its own (bench/floor_settings.py, 8203):
  what every page costs before its view, template and queries, through the portal's
  middleware, for a visitor and for the logged-in student ("floor" in the report).

Each public page, in each language, is measured three ways, and a logged-in student's
dashboard once (logged-in pages are never kept):

- "cached": the same address again and again, as most visitors ask: the page cache answers;
- "miss": every request asks for an address never seen before (the page's own with
  `?bench-miss=<unique number>`), so the page cache misses on every request and the page is
  rendered and stored, as for a crawler's or a campaign link's query string, another time zone,
  or the first visitor after an edit; what sits below the page cache (portal.page_cache.
  kept_content: the rows that do not vary per address) works as it does in production;
- "cold": the page cache off (8201): every request renders from the database, as if nothing
  were kept at all.

No rendered page can be faster than its "floor": a miss is measured against the visitor's,
the dashboard against the logged-in student's.

They are loaded with wrk (`apt-get install wrk`; else a bounded Python load generator, slower
and less exact) at 32 connections, in interleaved rounds, each run after one second of the same
load that lets every worker warm up; it prints requests per second, p50 and p99 latency and the
ratio of requests per second to the bare view's, loaded right after each page so that both see
the same load of the shared machine; figures are the median over the rounds. Set REDIS_URL to
measure the portal on Redis instead of local memory.

Where the time went (cProfile of the WSGI handler on the demo data, one process, DEBUG off):

- A page the page cache held: unpickling the kept HttpResponse and build_absolute_uri()
  re-quoting the address for the key were the largest parts of the middleware's own work.
  With a NamedTuple of bytes and header pairs and a key from the address's parts, a hit of the
  home page went from 80-100 us to 62-67 us; the rest was Django's own: the request object,
  the request signals, the middleware chain and a new HttpResponse. portal.wsgi now answers a
  kept page in front of Django's handler (portal.page_cache.PageCacheApplication): 32 us,
  against 35 us for the bare view (10 interleaved rounds of 1,000 hits).
- A rendered page: the home page 28 ms (the catalog 31, partnership 17, supervisors 15, a news
  article 12, others 5-8), with 0-6 queries that SQLite ran in under 1 ms in all. The time
  went into opening the SQLite connection on every request with its three PRAGMAs (about
  4 ms: CONN_MAX_AGE applied to PostgreSQL only), the ORM building the program cards' query
  (`Program.objects.with_intake_summary`, three subqueries: 10 ms of home's 28) and a
  prefetch of host organisations no card shows, the language addresses worked out twice, and
  template rendering: includes, `{% url %}`, translations and the content-language tags,
  spread thin, no single hot spot.
- After those fixes, base.html alone (an empty content block) took 0.73 ms against 17 us for
  a plain 14 KB template: the header's eight `{% url %}` includes, the language addresses
  resolving the address again, `{% static %}` reading the manifest. A `nav_link` tag, the
  resolved route reversed per language and static addresses kept per process: 0.42 ms.
- A page's content is the rest: 1-13 ms. The parts that show only the site's content are
  kept below the page cache (`{% kept %}`, programs/templatetags/kept.py) and their views read
  lazily, so that a page at a new address reads and renders only what varies per request.
  What remained on a miss, 1.1 ms for the simplest page (the privacy notice), was the frame
  (0.35-0.4 ms: the header and the language addresses), Django's request handling with the
  portal's middleware (0.29 ms, as the visitor's "floor" shows), the kept parts and storing the
  page. The frame is now rendered once per process and address (`{% frame_part %}`,
  core/templatetags/frame.py): the privacy notice at a new address takes 0.76-0.85 ms, the
  home page 0.97. A page whose view read its own row took 1.5-1.9 ms, that row's queryset
  and query through the ORM and modeltranslation about half of it: the program and supervisor
  pages now keep their row per slug (programs.views.KeptObjectMixin), 0.84-0.98 ms; a news
  article still reads its own (partnership sits above the intake rule kept_content follows).
- The floor (one process, in-process timing): an empty page through the portal's middleware
  takes 0.29 ms for a visitor, 0.9-1.0 ms for a logged-in student, whose session and account
  are two queries (0.18 ms each through the ORM) with their checks.
- A logged-in student's dashboard, 4.4 ms: that floor; base.html, 0.9 ms, its header rendered
  for each request since it shows the student's own links and CSRF token; the applications and their
  history, 1.45 ms for two queries, most of it the ORM compiling a select_related over five
  tables (deferring the columns the page does not show saved nothing); the template. Nothing
  needless beyond that, and no logged-in page is kept.
"""

import argparse
import itertools
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
        "cold": (
            options.port + 1,
            portal_env | {"PAGE_CACHE_SECONDS": "0"},
            "portal.wsgi:application",
        ),
        "bare": (
            options.port + 2,
            bare_environment(),
            "django.core.wsgi:get_wsgi_application()",
        ),
        "floor": (
            options.port + 3,
            portal_env | bare_environment() | {"DJANGO_SETTINGS_MODULE": "floor_settings"},
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
        # A worker's first render of a page takes seconds (templates, translations, URLconf):
        # each run's workers get that done before any round, not within the first one.
        first_warm_up = argparse.Namespace(**vars(options) | {"duration": 2})
        for run, (url, headers) in runs.items():
            load(url, headers, first_warm_up, run[0] == "miss")
        for _ in range(options.rounds):
            for run, (url, headers) in runs.items():
                unique = run[0] == "miss"
                load(url, headers, warm_up, unique)  # every worker warmed up: a steady state
                figures = load(url, headers, options, unique)
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
    parser.add_argument("--port", type=int, default=8200, help="first of four loopback ports")
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
    """(kind, page) → (URL, headers); "miss" runs ask the cached server for new addresses."""
    runs = {}
    for kind, server in (("cached", "cached"), ("miss", "cached"), ("cold", "cold")):
        for name, (path, language) in pages.items():
            if options.only not in name:
                continue
            if name.startswith("student") and kind != "cached":
                continue  # logged-in pages are never kept: one column is enough
            headers = {"Accept-Language": language}
            if name.startswith("student"):
                headers["Cookie"] = student_cookie
            url = f"http://127.0.0.1:{servers[server][0]}{path}"
            check_page(url, headers)
            runs[(kind, name)] = (url, headers)
    if options.only in "plain Django template page":
        url = f"http://127.0.0.1:{servers['bare'][0]}/page/"
        check_page(url, {})
        runs[("plain", "plain Django template page")] = (url, {})
    floor = f"http://127.0.0.1:{servers['floor'][0]}/bench/empty/"
    for name, headers in (
        ("empty page, visitor", {}),
        ("empty page, student", {"Cookie": student_cookie}),
    ):
        if options.only in name:
            if ("visitor" in check_page(floor, headers)) != (name.endswith("visitor")):
                raise SystemExit(f"{floor} did not see the {name.split()[-1]}")
            runs[("floor", name)] = (floor, headers)
    return runs


def check_page(url, headers):
    """Each page answers 200 at its own address before it is measured; its text."""
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http://127.0.0.1 only)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        if response.status != 200 or response.url != url:
            raise SystemExit(f"{url} answered {response.status} at {response.url}")
        return response.read().decode()


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


# wrk's script for "miss" runs: each request a new address, `?bench-miss=<run>-<thread>-<n>`.
UNIQUE_ADDRESSES = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
local n = 0
function request()
  n = n + 1
  return wrk.format(nil, wrk.path .. "?bench-miss=%(run)s-" .. thread_id .. "-" .. n)
end
"""


def unique_address(path, run, n):
    return f"{path}?bench-miss={run}-{n}"


def wrk(url, headers, options, unique=False):
    """{rps, p50, p99 (ms), errors} of one wrk run; with `unique`, each request a new address."""
    command = ["wrk", "-t2", f"-c{options.connections}", f"-d{options.duration}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if unique:
            script.write(UNIQUE_ADDRESSES % {"run": time.time_ns()})
            script.flush()
            command += ["-s", script.name]
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


def python_load(url, headers, options, unique=False):
    """The same figures from `connections` threads, each sending requests one after another
    for `duration` seconds; bounded by the GIL, so below what wrk would measure."""
    host, port = url.split("//")[1].split("/")[0].split(":")
    path = "/" + url.split("//")[1].split("/", 1)[1]
    latencies, errors = [], []
    stop = time.monotonic() + options.duration
    run, numbers = time.time_ns(), itertools.count()

    def load():
        while time.monotonic() < stop:
            connection = HTTPConnection(host, int(port), timeout=30)
            start = time.perf_counter()
            address = unique_address(path, run, next(numbers)) if unique else path
            connection.request("GET", address, headers=headers)
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
    for (kind, name), rounds in results.items():
        figures = {figure: statistics.median(r[figure] for r in rounds) for figure in rounds[0]}
        ratio = statistics.median(r["rps"] / r["bare"] for r in rounds)
        print(
            f"{kind:8} {name:30} {figures['rps']:9.0f} {figures['p50']:8.1f} "
            f"{figures['p99']:8.1f} {figures['bare']:9.0f} {ratio:7.2f}  {figures['errors']:.0f}"
        )


if __name__ == "__main__":
    main()
