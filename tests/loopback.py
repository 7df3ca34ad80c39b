"""Loopback ports for the servers the tests start (Redis, PostgreSQL, gunicorn, moto), and the
portal served by gunicorn for the tests that need a real server."""

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    """A port on 127.0.0.1 that nothing listens on now, chosen by the system, so that two runs
    of the suite (the two CI legs side by side, or two checkouts) never take the same one."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served_by_gunicorn(env, *, commands, arguments=(), stderr=None):
    """The portal under gunicorn on a free loopback port, its settings from `env`, after the
    `manage.py` `commands` (migrate, collectstatic, ...): yields its address once /healthz
    answers, and stops it whatever happens."""
    for command in commands:
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300
        )
    port = free_port()
    server = subprocess.Popen(
        [str(GUNICORN), "portal.wsgi:application", "--bind", f"127.0.0.1:{port}", *arguments],
        cwd=ROOT,
        env=env,
        stderr=stderr,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
