"""Exports hold the answers to the intake's questions and the PhD supervisor choices, and
text a spreadsheet would run stays text that reads as written, in CSV and in XLSX."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from applications.states import ApplicationState
from selection import export
from selection.models import ExportJob
from tests.factories import IntakeFactory, ProgramFactory, StudentProfileFactory, SupervisorFactory
from tests.selection.factories import make_manager, submitted_application

pytestmark = pytest.mark.django_db

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")
INJECTION = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def phd_application():
    intake = IntakeFactory(program=ProgramFactory(kind="phd"), name="PhD 2028")
    track = intake.questions.create(label="Research problem", kind="long_text")
    visa = intake.questions.create(label="Need a visa letter?", kind="yes_no", position=1)
    application = submitted_application(
        intake=intake,
        applicant=StudentProfileFactory(phone="+86 571 8795 1234").user,
        answers={str(track.pk): INJECTION, str(visa.pk): "yes"},
    )
    for rank, name in enumerate(["Chen Yiming", "Li Xiaowen"], start=1):
        application.supervisor_choices.create(supervisor=SupervisorFactory(name=name), rank=rank)
    return application


def exported(client, action, applications):
    client.force_login(make_manager())
    return client.post(
        CHANGELIST + "?state=all",
        {"action": action, "_selected_action": [application.pk for application in applications]},
    )


def csv_rows(response):
    """The rows of a CSV export, which is streamed."""
    content = b"".join(response.streaming_content)
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def downloaded_export(client):
    """The Excel export the worker built (at once, in tests), from the exports page."""
    job = ExportJob.objects.get()
    response = client.get(reverse("admin:selection_exportjob_download", args=[job.pk]))
    assert response["Content-Disposition"].startswith('attachment; filename="applications-')
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def xlsx_rows(client):
    sheet = downloaded_export(client).active
    header, *rows = sheet.iter_rows()
    titles = [cell.value for cell in header]
    return [dict(zip(titles, row, strict=True)) for row in rows]


def test_csv_has_the_answers_and_the_supervisor_choices_and_runs_nothing(client, phd_application):
    [row] = csv_rows(exported(client, "export_csv", [phd_application]))

    assert row["Need a visa letter?"] == "yes"
    assert row["Research problem"] == '="=HYPERLINK(""http://evil.example"",""click"")"'
    assert (row["Supervisor choice 1"], row["Supervisor choice 2"]) == ("Chen Yiming", "Li Xiaowen")
    assert row["Supervisor choice 3"] == ""
    assert row["phone"] == '="+86 571 8795 1234"'


def test_xlsx_has_them_too_as_plain_text_cells(client, phd_application):
    exported(client, "export_xlsx", [phd_application])
    [row] = xlsx_rows(client)

    assert row["Research problem"].value == INJECTION
    assert row["Research problem"].data_type == "s"  # text, never a formula
    assert row["phone"].value == "+86 571 8795 1234"
    assert row["phone"].data_type == "s"
    assert row["Supervisor choice 1"].value == "Chen Yiming"


def test_an_export_of_several_intakes_names_each_questions_intake(client, phd_application):
    other = IntakeFactory(name="Summer 2027")
    other.questions.create(label="Need a visa letter?", kind="yes_no")
    summer = submitted_application(intake=other)

    rows = csv_rows(exported(client, "export_csv", [phd_application, summer]))

    assert {"PhD 2028: Need a visa letter?", "Summer 2027: Need a visa letter?"} <= set(rows[0])


def test_a_non_phd_export_has_no_supervisor_columns(client):
    [row] = csv_rows(exported(client, "export_csv", [submitted_application()]))
    assert not any(title.startswith("Supervisor choice") for title in row)


@pytest.mark.parametrize("count", [1, 3])
def test_the_export_takes_the_same_queries_for_one_or_many(
    client, django_assert_max_num_queries, phd_application, count
):
    applications = [phd_application]
    for _n in range(count - 1):
        more = submitted_application(intake=phd_application.intake)
        more.supervisor_choices.create(supervisor=SupervisorFactory(), rank=1)
        applications.append(more)
    client.force_login(make_manager())

    # 20: the list the action is posted from reads its page's keys first (KeysFirstChangeList).
    with django_assert_max_num_queries(20):
        response = client.post(
            CHANGELIST + "?state=all",
            {"action": "export_csv", "_selected_action": [a.pk for a in applications]},
        )
        rows = csv_rows(response)  # streamed: the rows are read as the response is

    assert len(rows) == count


def test_the_csv_is_streamed_a_batch_of_rows_at_a_time(client, monkeypatch):
    """Constant memory: the first rows go out before the later ones are read, and each
    batch costs the same queries, so a larger export only takes longer."""
    monkeypatch.setattr(export, "BATCH_SIZE", 2)
    applications = [submitted_application() for _ in range(5)]
    response = exported(client, "export_csv", applications)
    assert response.streaming

    lines = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first:
        next(lines), next(lines), next(lines)  # the BOM, the header, the first row
    with CaptureQueriesContext(connection) as rest:
        remaining = list(lines)

    def batches(queries):
        """Queries that average a batch's scores per criterion, one per batch."""
        return sum(
            "reviewscore" in query["sql"].lower() and "avg(" in query["sql"].lower()
            for query in queries
        )

    assert (batches(first.captured_queries), batches(rest.captured_queries)) == (1, 2)
    assert len(remaining) == 4
