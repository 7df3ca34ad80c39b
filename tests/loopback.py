"""Loopback ports for the servers the tests start (Redis, PostgreSQL, gunicorn, moto)."""

import socket


def free_port():
    """A port on 127.0.0.1 that nothing listens on now, chosen by the system, so that two runs
    of the suite (the two CI legs side by side, or two checkouts) never take the same one."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
