"""CSV and Excel exports of the filtered list; the intake dashboard with accessible charts."""

import csv
import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from applications.states import ApplicationState
from selection.dashboard import DISTRIBUTIONS_SECONDS
from selection.services import review_save
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.selection.factories import (
    CriterionFactory,
    assign,
    make_manager,
    make_reviewer,
    review,
    submitted_application,
)
from tests.selection.test_export_contents import downloaded_export

pytestmark = pytest.mark.django_db

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")


@pytest.fixture
def scored():
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027", capacity=3)
    CriterionFactory(intake=intake, name="Motivation")
    CriterionFactory(intake=intake, name="Technical skills")
    applicant = StudentProfileFactory(
        given_name="Xiaoming", family_name="Zhang", name_chinese="张晓明", phone="+86 138"
    ).user
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake, applicant=applicant)
    review(application, make_reviewer(), [4, 5])
    review(application, make_reviewer(), [2, 3])
    return application


def export(client, action, application):
    client.force_login(make_manager())
    return client.post(CHANGELIST, {"action": action, "_selected_action": [application.pk]})


def test_csv_export_has_a_bom_profile_fields_state_and_scores(client, scored):
    response = export(client, "export_csv", scored)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="applications-')
    assert response.streaming
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["name in Chinese characters"] == "张晓明"
    assert row["Reference"] == scored.reference
    assert row["university"] == "Zhejiang University"
    assert row["degree level"] == "Master's"
    assert row["State"] == "Under review"
    assert (row["Reviews"], row["Average score"]) == ("2", "3.5")
    assert (row["Motivation"], row["Technical skills"]) == ("3.0", "4.0")
    # A leading "+" would be read as a formula: the string literal ="…" shows the number.
    assert row["phone"] == '="+86 138"'


def test_csv_export_of_all_filtered_applications_keeps_the_filter(client, scored):
    other = submitted_application()
    client.force_login(make_manager())

    response = client.post(
        CHANGELIST + f"?intake={scored.intake_id}",
        {"action": "export_csv", "select_across": "1", "_selected_action": [scored.pk]},
    )

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert scored.reference in text
    assert other.reference not in text


def test_xlsx_export_opens_with_chinese_names(client, scored):
    export(client, "export_xlsx", scored)

    sheet = downloaded_export(client).active
    header, row = (list(cells) for cells in sheet.iter_rows(values_only=True))
    values = dict(zip(header, row, strict=True))
    assert values["name in Chinese characters"] == "张晓明"
    assert values["Average score"] == 3.5
    assert values["phone"] == "+86 138"


def test_reviewers_cannot_export(client, scored):
    reviewer = make_reviewer()
    client.force_login(reviewer)
    assign(scored, reviewer)
    response = client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [scored.pk]}, follow=True
    )

    assert response["Content-Type"].startswith("text/html")


def test_dashboard_shows_counts_seats_and_accessible_charts_without_inline_style(client, scored):
    intake = scored.intake
    submitted_application(state=S.OFFERED, intake=intake)
    submitted_application(
        state=S.SUBMITTED,
        intake=intake,
        applicant=StudentProfileFactory(university="Fudan University").user,
    )
    submitted_application(state=S.DRAFT, intake=intake)
    client.force_login(make_manager())

    response = client.get(reverse("admin:selection_intake_dashboard", args=[intake.pk]))

    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["submitted"] == 3
    assert (figures["seats"], figures["seats_taken"], figures["seats_left"]) == (3, 1, 2)
    states = dict(figures["state_rows"])
    assert (states["Offered a place"], states["Draft"], states["Submitted"]) == (1, 1, 1)
    universities = {bar.label: bar.value for bar in figures["university_chart"].bars}
    assert universities == {"Zhejiang University": 2, "Fudan University": 1}
    scores = {bar.label: bar.value for bar in figures["score_chart"].bars}
    assert scores == {"Motivation": 3.0, "Technical skills": 4.0}
    html = response.text
    assert "2 seats left" in html
    assert html.count('<svg role="img"') == 5
    assert html.count("<title id=") == 5 and html.count("<desc id=") == 5
    assert "<table" in html and "Fudan University" in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


def test_dashboard_index_links_each_intake(client, scored):
    client.force_login(make_manager())

    response = client.get(reverse("admin:selection_intake_dashboards"))

    assert reverse("admin:selection_intake_dashboard", args=[scored.intake_id]) in response.text


def test_dashboard_charts_are_kept_a_minute_and_a_saved_review_refreshes_them(
    client, scored, settings
):
    """At 100,000 applications the charts' groupings take most of the page's time: they are
    kept for DISTRIBUTIONS_SECONDS, while seats and states, which decisions rest on, are not."""
    # The test travels in time: an in-process cache follows it; Redis expires keys by its clock.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    intake = scored.intake
    url = reverse("admin:selection_intake_dashboard", args=[intake.pk])
    client.force_login(make_manager())
    client.get(url)

    submitted_application(
        state=S.OFFERED,
        intake=intake,
        applicant=StudentProfileFactory(university="Fudan University").user,
    )
    figures = client.get(url).context["figures"]
    universities = {bar.label: bar.value for bar in figures["university_chart"].bars}
    assert universities == {"Zhejiang University": 1}  # counted a moment ago
    assert (figures["submitted"], figures["seats_taken"]) == (2, 1)  # always counted anew
    assert "they are at most a minute old" in client.get(url).text

    with time_machine.travel(timezone.now() + timedelta(seconds=DISTRIBUTIONS_SECONDS + 1)):
        figures = client.get(url).context["figures"]
    universities = {bar.label: bar.value for bar in figures["university_chart"].bars}
    assert universities == {"Zhejiang University": 1, "Fudan University": 1}

    reviewer = make_reviewer()
    assign(scored, reviewer)
    criteria = list(intake.review_criteria.all())
    review_save(application=scored, reviewer=reviewer, scores=dict.fromkeys(criteria, 1))
    chart = client.get(url).context["figures"]["score_chart"]
    scores = {bar.label: bar.value for bar in chart.bars}
    assert scores == {"Motivation": round(7 / 3, 2), "Technical skills": round(9 / 3, 2)}
