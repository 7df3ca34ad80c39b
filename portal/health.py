"""The checks behind /healthz: each dependency answers "ok", "unavailable" or "not configured".

Each check does the smallest real round trip (a query, a cache write and read, a probe file
written, read and deleted on each storage, a broker connection) and never lets its error out:
the reply names what failed, the log says why, and no address or password is in either.
"""

import logging
import os
import uuid

import kombu
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"
NOT_CONFIGURED = "not configured"
BROKER_TIMEOUT_SECONDS = 2
PROBE_CONTENT = b"healthz probe"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return OK


def check_cache():
    """A write then a read: the degrading Redis cache turns an outage into a miss."""
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, OK, timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != OK:
        raise ConnectionError("the cache did not keep a value")
    return OK


def _check_storage(alias):
    storage = storages[alias]
    name = storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(PROBE_CONTENT))
    try:
        with storage.open(name, "rb") as probe:
            if probe.read() != PROBE_CONTENT:
                raise OSError(f"the {alias} storage returned other content")
    finally:
        storage.delete(name)
    return OK


def check_default_storage():
    return _check_storage("default")


def check_private_storage():
    return _check_storage("private")


def check_queue():
    """The Celery broker, once the queue is configured (CELERY_BROKER_URL).

    The default filesystem broker "connects" whatever the disk holds, so its folders are
    checked instead: a worker and the web processes must be able to write messages there.
    """
    broker_url = getattr(settings, "CELERY_BROKER_URL", "")
    if not broker_url:
        return NOT_CONFIGURED
    if broker_url.startswith("filesystem://"):
        from portal.celery import queue_folders

        for folder in queue_folders():
            if not os.access(folder, os.W_OK | os.X_OK):
                raise ConnectionError("a queue folder is missing or read-only")
        return OK
    with kombu.Connection(broker_url, connect_timeout=BROKER_TIMEOUT_SECONDS) as broker:
        broker.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS
        )
    return OK


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "default storage": check_default_storage,
    "private storage": check_private_storage,
    "queue": check_queue,
}


def run_checks():
    """{dependency: status} for every check, and whether all of them may serve requests."""
    statuses = {}
    for name, check in CHECKS.items():
        try:
            statuses[name] = check()
        # Whatever a client library raises (psycopg, redis, botocore, kombu), the dependency
        # is down: the reply says which, the log keeps the traceback.
        except Exception:
            logger.warning("Health check: %s unavailable", name, exc_info=True)
            statuses[name] = UNAVAILABLE
    healthy = UNAVAILABLE not in statuses.values()
    return statuses, healthy
