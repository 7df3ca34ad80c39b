"""A real Celery worker process on a real broker sends the portal's emails to a local SMTP
server: the embedded default (filesystem transport) on SQLite, the broker of
CELERY_BROKER_URL (Redis in CI) on PostgreSQL. Few tests, as each waits for the worker."""

import asyncio
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.urls import reverse

from applications.states import ApplicationState
from mail.models import EmailLog, EmailStatus
from mail.services import LOST_AFTER, email_send, email_send_due
from mail.tasks import send_email
from portal.celery import app as celery_app
from tests.selection.factories import make_manager, submitted_application

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
SMTP_PORTS = range(8310, 8320)  # the first free one: two runs of the suite may overlap
CLOSED_PORT = 8399  # nothing listens here: the broker "down"
WORKER_EMAIL_TIMEOUT = 1  # seconds the worker waits for a hanging SMTP server
HANG = 3


class FakeSMTP:
    """An SMTP server that accepts, refuses (451) or hangs past the client's timeout."""

    def __init__(self):
        self.mode = "accept"
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "refuse":
            return "451 4.3.0 Try again later"
        if self.mode == "hang":
            await asyncio.sleep(HANG)
            return "451 4.3.0 Timed out"
        self.received.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"

    def to(self, address):
        return [content for rcpt_tos, content in self.received if address in rcpt_tos]


def _free_port():
    for port in SMTP_PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"No free port for the SMTP server in {SMTP_PORTS}")


@pytest.fixture(scope="module")
def smtp():
    handler = FakeSMTP()
    handler.port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    yield handler
    controller.stop()


def _database_url():
    """The test database, for the worker process (it must see what the tests commit)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _forget_connections():
    """Celery caches its broker connections; after a change of broker, make new ones."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture(scope="module")
def worker(smtp, django_db_setup, django_db_blocker, tmp_path_factory):
    """One worker process for the module, on the broker the test process sends to."""
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.skip("the worker process needs the test database in a file")
    queue_dir = tmp_path_factory.mktemp("queue")
    conf = celery_app.conf
    saved = {
        "task_always_eager": conf.task_always_eager,
        "broker_transport_options": dict(conf.broker_transport_options),
    }
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        ENV_FILE=str(queue_dir / "none.env"),
        SECRET_KEY=settings.SECRET_KEY,
        DATABASE_URL=_database_url(),
        CELERY_BROKER_URL=conf.broker_url,
        CELERY_QUEUE_DIR=str(queue_dir),
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        EMAIL_TIMEOUT=str(WORKER_EMAIL_TIMEOUT),
        EMAIL_RETRY_DELAY="1",
    )
    if conf.broker_url.startswith("filesystem://"):
        folders = {"messages": queue_dir / "messages", "control": queue_dir / "control"}
        for folder in folders.values():
            folder.mkdir()
        conf.broker_transport_options = {
            "data_folder_in": str(folders["messages"]),
            "data_folder_out": str(folders["messages"]),
            "control_folder": str(folders["control"]),
        }
    conf.task_always_eager = False
    _forget_connections()
    with celery_app.connection_for_write() as broker:
        broker.default_channel.queue_declare("celery", durable=True)
        broker.default_channel.queue_purge("celery")  # what an earlier, killed run left
    log = (queue_dir / "worker.log").open("w+")
    process = subprocess.Popen(
        [str(CELERY), "-A", "portal", "worker", "--pool", "solo", "--loglevel", "INFO"]
        + ["--without-mingle", "--without-gossip", "--without-heartbeat"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while " ready." not in (queue_dir / "worker.log").read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("The worker did not start:\n" + (queue_dir / "worker.log").read_text())
            time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        conf.task_always_eager = saved["task_always_eager"]
        conf.broker_transport_options = saved["broker_transport_options"]
        _forget_connections()


@pytest.fixture(autouse=True)
def _accepting(smtp):
    smtp.mode = "accept"
    smtp.received.clear()


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the worker did not get there in time")
        time.sleep(0.1)


def status(log):
    log.refresh_from_db()
    return log.status


def decide(client, application, decision="offer"):
    url = reverse("admin:applications_application_decide", args=[application.pk])
    return client.post(url, {"decision": decision}, follow=True)


@contextmanager
def broker_unreachable():
    """Point the test process at a broker that is not there: a closed port, or, for the
    filesystem transport, a folder that does not exist."""
    conf = celery_app.conf
    saved_options = dict(conf.broker_transport_options)
    if conf.broker_url.startswith("filesystem://"):
        conf.broker_transport_options = {**saved_options, "data_folder_out": "/nonexistent/q"}
    else:
        # Producers send to the write URL, which the environment's broker URL does not hide.
        conf.broker_write_url = f"redis://127.0.0.1:{CLOSED_PORT}/0"
    _forget_connections()
    try:
        yield
    finally:
        conf.broker_write_url, conf.broker_transport_options = None, saved_options
        _forget_connections()


def test_decisions_and_bulk_emails_are_queued_then_sent_by_the_worker(worker, smtp, client):
    offered = submitted_application(state=ApplicationState.SHORTLISTED)
    others = [submitted_application(state=ApplicationState.OFFERED) for _ in range(2)]
    client.force_login(make_manager())

    response = decide(client, offered)
    offered.refresh_from_db()
    assert offered.state == ApplicationState.OFFERED
    assert f"{offered.reference} is now “Offered a place”" in response.text

    client.post(
        reverse("admin:applications_application_changelist"),
        {
            "action": "email_applicants",
            "_selected_action": [application.pk for application in others],
            "send": "Send",
            "subject": "Interviews for {program}",
            "body": "Dear {name}, see you.",
        },
    )
    wait_for(lambda: EmailLog.objects.filter(status=EmailStatus.SENT).count() == 3)
    assert len(smtp.to(offered.applicant.email)) == 1
    for application in others:
        [message] = smtp.to(application.applicant.email)
        assert "Interviews for" in message


def test_a_refusing_then_hanging_mail_server_keeps_the_decision_and_it_is_sent_once(
    worker, smtp, client
):
    application = submitted_application(state=ApplicationState.SHORTLISTED)
    client.force_login(make_manager())
    smtp.mode = "refuse"

    decide(client, application)

    application.refresh_from_db()
    assert application.state == ApplicationState.OFFERED
    log = EmailLog.objects.get(about_id=application.pk)
    wait_for(lambda: status(log) == EmailStatus.FAILED)
    assert "451" in log.error
    page = client.get(reverse("admin:applications_application_change", args=[application.pk]))
    assert "An email about this application could not be sent:" in page.text

    smtp.mode = "hang"
    wait_for(lambda: email_send_due() == 1)  # once its retry time (1 s later) has come
    wait_for(lambda: status(log) == EmailStatus.FAILED and log.attempts == 2, seconds=HANG + 30)
    assert "timed out" in log.error.lower()

    smtp.mode = "accept"
    wait_for(lambda: email_send_due() == 1)  # 2 s after the second failure
    wait_for(lambda: status(log) == EmailStatus.SENT)
    assert (log.attempts, len(smtp.to(application.applicant.email))) == (3, 1)


def test_with_the_broker_down_the_decision_commits_and_its_email_goes_out_later(
    worker, smtp, client
):
    application = submitted_application(state=ApplicationState.SHORTLISTED)
    client.force_login(make_manager())

    with broker_unreachable():
        response = decide(client, application)

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.state == ApplicationState.OFFERED
    log = EmailLog.objects.get(about_id=application.pk)
    assert log.status == EmailStatus.QUEUED

    # The broker is back; once the message counts as lost, the sweep queues it again.
    EmailLog.objects.filter(pk=log.pk).update(next_attempt_at=F("next_attempt_at") - LOST_AFTER)
    assert email_send_due() == 1
    wait_for(lambda: status(log) == EmailStatus.SENT)
    assert len(smtp.to(application.applicant.email)) == 1


def test_a_duplicated_task_sends_one_email(worker, smtp):
    log = email_send(to="ada@example.org", subject="Once", body="Only once")  # queued once
    send_email.delay(log.pk)
    send_email.delay(log.pk)
    # The worker takes tasks in order: once this one is sent, the duplicates have run.
    last = email_send(to="last@example.org", subject="Last", body="…")
    wait_for(lambda: status(last) == EmailStatus.SENT)
    assert (status(log), len(smtp.to("ada@example.org"))) == (EmailStatus.SENT, 1)
