"""The staff application list: columns, filters, search, and a query count that does not grow."""

import pytest
from django.urls import reverse

from applications.states import ApplicationState
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.selection.factories import (
    CriterionFactory,
    bulk_applications,
    make_reviewer,
    review,
    submitted_application,
)

pytestmark = pytest.mark.django_db

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")


def test_list_shows_applicant_program_state_reviews_and_average(manager_client):
    intake = IntakeFactory()
    CriterionFactory.create_batch(2, intake=intake)
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake)
    profile = application.applicant.profile
    review(application, make_reviewer(), [4, 5])
    review(application, make_reviewer(), [3, 2])

    response = manager_client.get(CHANGELIST)

    row = response.context["cl"].result_list.get(pk=application.pk)
    assert (row.review_count, row.average_score) == (2, 3.5)
    text = response.text
    for expected in [
        application.reference,
        f"{profile.given_name} {profile.family_name}",
        application.applicant.email,
        intake.program.title,
        intake.name,
        "Under review",
        "3.50",
    ]:
        assert expected in text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"university": "Fudan University"}, {"fudan"}),
        ({"degree": "bachelor"}, {"fudan"}),
        ({"offer": "yes"}, {"offered"}),
        ({"offer": "no"}, {"zju", "fudan"}),
        ({"state": "offered"}, {"offered"}),
        ({"q": "Fudan"}, {"fudan"}),
        ({"q": "李"}, {"zju"}),
    ],
)
def test_filters_and_search(manager_client, params, expected):
    intake = IntakeFactory()
    made = {
        "zju": submitted_application(
            intake=intake, applicant=StudentProfileFactory(name_chinese="李明").user
        ),
        "fudan": submitted_application(
            intake=intake,
            applicant=StudentProfileFactory(
                university="Fudan University", degree_level="bachelor"
            ).user,
        ),
        "offered": submitted_application(intake=intake, state=S.OFFERED),
    }
    other_intake = submitted_application(applicant=StudentProfileFactory(name_chinese="李四").user)

    response = manager_client.get(CHANGELIST, {"intake": intake.pk, **params})

    shown = {application.reference for application in response.context["cl"].result_list}
    assert shown == {made[key].reference for key in expected}
    assert other_intake.reference not in response.text


def test_free_seats_with_a_waitlist_are_pointed_out_on_the_intake_list(manager_client):
    intake = IntakeFactory(capacity=2)
    submitted_application(intake=intake, state=S.DECLINED)
    submitted_application(intake=intake, state=S.OFFERED)
    submitted_application(intake=intake, state=S.WAITLISTED)

    response = manager_client.get(CHANGELIST, {"intake": intake.pk})

    assert "1 seat is free in this intake and applicants are waiting." in response.text
    assert reverse("admin:selection_intake_dashboard", args=[intake.pk]) in response.text


def test_search_by_email_and_reference(manager_client):
    application = submitted_application()
    other = submitted_application()

    by_email = manager_client.get(CHANGELIST, {"q": application.applicant.email}).text
    by_reference = manager_client.get(CHANGELIST, {"q": other.reference}).text

    assert application.reference in by_email and other.reference not in by_email
    assert other.reference in by_reference and application.reference not in by_reference


def test_list_query_count_is_fixed_with_ten_thousand_applications(
    manager_client, django_assert_max_num_queries
):
    small = IntakeFactory()
    bulk_applications(small, 3)
    with django_assert_max_num_queries(15) as few:
        manager_client.get(CHANGELIST, {"intake": small.pk})

    big = IntakeFactory()
    bulk_applications(big, 10_000)
    CriterionFactory(intake=big)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = manager_client.get(CHANGELIST, {"intake": big.pk})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 10_000
    assert len(response.context["cl"].result_list) == 100
    assert len(many.captured_queries) <= len(few.captured_queries)


@pytest.mark.parametrize("params", [{}, {"q": "Bulk"}, {"o": "-9"}, {"o": "9"}])
def test_every_page_holds_its_own_rows_in_the_lists_order(manager_client, monkeypatch, params):
    """Pages are read keys first (selection.admin.pagination): page by page, the list
    shows each application once, in the order of the whole list, to the last page."""
    from selection.admin.applications import ApplicationAdmin

    intake = IntakeFactory()
    CriterionFactory(intake=intake)
    applications = bulk_applications(intake, 7)
    for position, application in enumerate(applications[:4]):
        review(application, make_reviewer(), [position + 1])
    monkeypatch.setattr(ApplicationAdmin, "list_per_page", 3)
    query = {"intake": intake.pk, **params}

    whole = manager_client.get(CHANGELIST, {**query, "all": ""}).context["cl"]
    expected = [row.reference for row in whole.result_list]
    shown = []
    for page in range(1, 4):
        cl = manager_client.get(CHANGELIST, {**query, "p": page}).context["cl"]
        shown += [row.reference for row in cl.result_list]
        assert cl.multi_page and cl.page_num == page

    assert len(expected) == 7 and shown == expected
    # By average score, either way, the unreviewed last on every database (UnscoredLast).
    scores = [row.average_score for row in whole.result_list]
    if params.get("o") == "-9":
        assert scores == [4, 3, 2, 1, None, None, None]
    if params.get("o") == "9":
        assert scores == [1, 2, 3, 4, None, None, None]


def test_a_search_that_fits_on_one_page_shows_its_rows_joined(
    manager_client, django_assert_max_num_queries
):
    """A one-page result is read keys first as well, with the applicant and profile joined:
    no query per row."""
    intake = IntakeFactory()
    applications = bulk_applications(intake, 5)
    wanted = applications[2]

    with django_assert_max_num_queries(16):
        response = manager_client.get(CHANGELIST, {"q": wanted.applicant.email})
        rows = list(response.context["cl"].result_list)
        names = [row.applicant.profile.family_name for row in rows]

    assert [row.pk for row in rows] == [wanted.pk]
    assert names == [wanted.applicant.profile.family_name]
    assert wanted.reference in response.text
