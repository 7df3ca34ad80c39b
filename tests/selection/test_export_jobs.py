"""Excel exports are built by the worker: the list's filters apply, staff see the progress
on the exports page and download the file when it is ready; only managers may."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from applications.states import ApplicationState
from selection import tasks
from selection.models import ExportJob, ExportStatus
from selection.services import export_job_build, export_jobs_expire
from tests.factories import IntakeFactory, UserFactory
from tests.selection.factories import make_manager, make_reviewer, submitted_application

pytestmark = pytest.mark.django_db

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")
EXPORTS = reverse("admin:selection_exportjob_changelist")


def download_url(job):
    return reverse("admin:selection_exportjob_download", args=[job.pk])


def export_intake(client, intake, application):
    """The Excel action on "select all" of the list filtered to one intake."""
    return client.post(
        CHANGELIST + f"?intake={intake.pk}",
        {"action": "export_xlsx", "select_across": "1", "_selected_action": [application.pk]},
        follow=True,
    )


def test_the_export_of_the_filtered_list_is_built_and_offered_for_download(client):
    intake = IntakeFactory()
    mine = [submitted_application(intake=intake) for _ in range(3)]
    other = submitted_application()
    client.force_login(make_manager())

    response = export_intake(client, intake, mine[0])

    assert "The Excel export of 3 applications is being built." in response.text
    assert f'<a href="{EXPORTS}">' in response.text
    job = ExportJob.objects.get()
    page = client.get(EXPORTS).text
    assert "3 of 3 applications" in page and "Ready" in page
    assert download_url(job) in page
    download = client.get(download_url(job))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    references = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(references) == sorted(application.reference for application in mine)
    assert other.reference not in references


def test_staff_see_a_job_waiting_for_the_worker_without_a_link(client, monkeypatch):
    monkeypatch.setattr(tasks.build_xlsx_export, "delay", lambda job_id: None)
    intake = IntakeFactory()
    application = submitted_application(intake=intake)
    client.force_login(make_manager())

    export_intake(client, intake, application)

    job = ExportJob.objects.get()
    page = client.get(EXPORTS).text
    assert "0 of 1 applications" in page and "Queued" in page
    assert download_url(job) not in page
    assert client.get(download_url(job)).status_code == 404


def test_a_job_is_built_once(client, monkeypatch):
    monkeypatch.setattr(tasks.build_xlsx_export, "delay", lambda job_id: None)
    intake = IntakeFactory()
    client.force_login(make_manager())
    export_intake(client, intake, submitted_application(intake=intake))
    job = ExportJob.objects.get()

    assert export_job_build(job_id=job.pk).status == ExportStatus.DONE
    assert export_job_build(job_id=job.pk) is None  # a duplicated task finds nothing to do


def test_with_the_queue_down_the_manager_is_told(client, monkeypatch):
    def broker_down(job_id):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(tasks.build_xlsx_export, "delay", broker_down)
    intake = IntakeFactory()
    client.force_login(make_manager())

    response = export_intake(client, intake, submitted_application(intake=intake))

    assert "The export could not be started: ConnectionRefusedError: broker down" in (response.text)
    assert ExportJob.objects.get().status == ExportStatus.FAILED


@pytest.mark.parametrize("make_user", [make_reviewer, lambda: UserFactory(is_staff=True)])
def test_only_managers_download_exports(client, make_user):
    intake = IntakeFactory()
    client.force_login(make_manager())
    export_intake(client, intake, submitted_application(intake=intake))
    job = ExportJob.objects.get()

    client.force_login(make_user())
    assert client.get(download_url(job)).status_code == 403


def built_export(by):
    application = submitted_application()
    job = ExportJob.objects.create(created_by=by, application_ids=[application.pk], total=1)
    export_job_build(job_id=job.pk)
    job.refresh_from_db()
    assert job.file.storage.exists(job.file.name)
    return job


def test_exports_older_than_the_keeping_time_go_with_their_files(settings, after_commit):
    settings.EXPORT_KEEP_DAYS = 7
    manager = make_manager()
    old, recent = built_export(manager), built_export(manager)
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))

    with after_commit():
        assert export_jobs_expire() == 1

    assert list(ExportJob.objects.all()) == [recent]
    assert not old.file.storage.exists(old.file.name)
    assert recent.file.storage.exists(recent.file.name)
    assert settings.CELERY_BEAT_SCHEDULE["expire-exports"]["task"] == tasks.expire_exports.name


def test_deleting_the_account_that_asked_for_an_export_deletes_its_file(after_commit):
    manager = make_manager()
    job = built_export(manager)

    with after_commit():
        manager.delete()

    assert not ExportJob.objects.exists()
    assert not job.file.storage.exists(job.file.name)
