"""A private PostgreSQL cluster for fault tests: initdb in a temporary folder, started on a
loopback port of this checkout's range, stopped (and removed) whatever happens."""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def postgres_binaries():
    """The folder of initdb and pg_ctl, or None: Debian keeps them per version."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").is_file() and Path(candidate, "pg_ctl").is_file():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


class PostgresCluster:
    def __init__(self, binaries, port):
        self.binaries = binaries
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="faults-postgres-"))
        self.data = self.folder / "data"
        self.url = f"postgres://postgres@127.0.0.1:{port}/postgres"

    def _run(self, tool, *arguments):
        command = [str(self.binaries / tool), *arguments]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync")

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self._run(
            "pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "log", "-w", "start"
        )

    def stop(self):
        """Stops at once, as a crash or a lost network would, without a clean shutdown."""
        self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def is_running(self):
        return (self.data / "postmaster.pid").exists()

    def remove(self):
        if self.is_running():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def private_cluster(port):
    """A started cluster, or a skip saying why there cannot be one."""
    binaries = postgres_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL's binaries (initdb, pg_ctl) are not installed")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser to start PostgreSQL as another user")
    cluster = PostgresCluster(binaries, port)
    try:
        cluster.create()
        cluster.start()
    except BaseException:
        cluster.remove()
        raise
    return cluster
