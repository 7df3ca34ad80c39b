"""Managers assign reviewers in bulk; reviewers score assigned applications once each."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from applications.states import ApplicationState
from selection.models import Review, ReviewAssignment
from selection.services import review_save
from tests.factories import IntakeFactory, UserFactory
from tests.programs.factories import intake_admin_form
from tests.selection.factories import (
    CriterionFactory,
    assign,
    make_manager,
    make_reviewer,
    review,
    submitted_application,
)

pytestmark = pytest.mark.django_db

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")


def review_url(application):
    return reverse("admin:applications_application_review", args=[application.pk])


def test_assign_action_shows_reviewers_then_assigns_and_starts_review(client):
    reviewer = make_reviewer(first_name="Rita", last_name="Reviewer")
    UserFactory(is_staff=True, email="not-a-reviewer@example.org")
    submitted = submitted_application()
    shortlisted = submitted_application(state=S.SHORTLISTED)
    withdrawn = submitted_application(state=S.WITHDRAWN)
    client.force_login(make_manager())
    selection = {
        "action": "assign_reviewer",
        "_selected_action": [submitted.pk, shortlisted.pk, withdrawn.pk],
    }

    page = client.post(CHANGELIST, selection)
    assert page.status_code == 200
    assert "Rita Reviewer" in page.text
    assert "not-a-reviewer@example.org" not in page.text

    done = client.post(
        CHANGELIST, {**selection, "apply": "1", "reviewer": reviewer.pk}, follow=True
    )

    assigned = set(ReviewAssignment.objects.values_list("application_id", flat=True))
    assert assigned == {submitted.pk, shortlisted.pk}
    submitted.refresh_from_db()
    assert submitted.state == S.UNDER_REVIEW
    text = done.text
    assert "now reviews 2 applications." in text
    assert f"{withdrawn.reference} was not assigned" in text


def test_assign_page_without_a_choice_keeps_the_selection_and_says_so(client):
    make_reviewer()
    application = submitted_application()
    client.force_login(make_manager())

    response = client.post(
        CHANGELIST,
        {"action": "assign_reviewer", "_selected_action": [application.pk], "apply": "1"},
    )

    assert response.status_code == 200
    assert "This field is required" in response.text
    assert f'value="{application.pk}"' in response.text
    assert not ReviewAssignment.objects.exists()


def test_reviewer_scores_an_assigned_application_and_can_edit_it(client):
    intake = IntakeFactory()
    academic, motivation = CriterionFactory.create_batch(2, intake=intake)
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake)
    reviewer = make_reviewer()
    assign(application, reviewer)
    client.force_login(reviewer)

    form = client.get(review_url(application))
    assert academic.name in form.text and motivation.name in form.text

    data = {f"criterion_{academic.pk}": "4", f"criterion_{motivation.pk}": "5", "comment": "Good"}
    client.post(review_url(application), data)
    client.post(review_url(application), {**data, f"criterion_{academic.pk}": "2"})

    saved = Review.objects.get()
    assert saved.comment == "Good"
    assert {s.criterion_id: s.score for s in saved.scores.all()} == {
        academic.pk: 2,
        motivation.pk: 5,
    }
    page = client.get(reverse("admin:applications_application_change", args=[application.pk]))
    assert "3.50" in page.text


@pytest.mark.parametrize("bad", ["0", "6", "", "x"])
def test_a_score_outside_one_to_five_is_refused_and_nothing_saved(client, bad):
    intake = IntakeFactory()
    criterion = CriterionFactory(intake=intake)
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake)
    reviewer = make_reviewer()
    assign(application, reviewer)
    client.force_login(reviewer)

    response = client.post(
        review_url(application), {f"criterion_{criterion.pk}": bad, "comment": "kept"}
    )

    assert response.status_code == 400
    assert "kept" in response.text
    assert not Review.objects.exists()


def test_reviewer_cannot_review_an_unassigned_application(client):
    intake = IntakeFactory()
    criterion = CriterionFactory(intake=intake)
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake)
    reviewer = make_reviewer()
    client.force_login(reviewer)

    response = client.post(review_url(application), {f"criterion_{criterion.pk}": "3"})

    assert response.status_code == 404
    with pytest.raises(PermissionDenied, match="not assigned"):
        review_save(application=application, reviewer=reviewer, scores={criterion: 3})
    assert not Review.objects.exists()


def test_every_criterion_needs_a_score():
    intake = IntakeFactory()
    first, _second = CriterionFactory.create_batch(2, intake=intake)
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake)
    reviewer = make_reviewer()
    assign(application, reviewer)

    with pytest.raises(ValidationError, match="Give a score for"):
        review_save(application=application, reviewer=reviewer, scores={first: 3})


def test_the_database_allows_one_review_per_reviewer_and_application():
    intake = IntakeFactory()
    CriterionFactory(intake=intake)
    application = submitted_application(intake=intake)
    reviewer = make_reviewer()
    review(application, reviewer, [3])

    with pytest.raises(IntegrityError):
        Review.objects.create(application=application, reviewer=reviewer)


def test_managers_see_all_reviews_reviewers_only_their_own(client):
    intake = IntakeFactory()
    CriterionFactory(intake=intake)
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake)
    me, colleague = make_reviewer(), make_reviewer()
    for reviewer in (me, colleague):
        assign(application, reviewer)
    review(application, me, [4], comment="my view")
    review(application, colleague, [1], comment="their view")
    url = reverse("admin:applications_application_change", args=[application.pk])

    client.force_login(me)
    mine = client.get(url).text
    client.force_login(make_manager())
    everything = client.get(url).text

    assert "my view" in mine and "their view" not in mine
    assert "my view" in everything and "their view" in everything


def test_assigning_a_reviewer_to_an_intake_without_criteria_gives_it_the_defaults(client):
    application = submitted_application()
    reviewer = make_reviewer()
    client.force_login(make_manager())

    client.post(
        CHANGELIST,
        {
            "action": "assign_reviewer",
            "_selected_action": [application.pk],
            "apply": "1",
            "reviewer": reviewer.pk,
        },
    )

    names = list(application.intake.review_criteria.values_list("name", flat=True))
    assert names == ["Academic record", "Motivation", "Technical skills"]
    client.force_login(reviewer)
    page = client.get(review_url(application)).text
    assert "No review criteria" not in page and "Technical skills" in page


def new_intake_form(program, **extra):
    intake = IntakeFactory.build(program=program, name="Autumn 2031", capacity=10)
    return intake_admin_form(intake, **extra)


def test_a_new_intake_gets_the_default_criteria_unless_the_manager_gives_its_own(client):
    program = IntakeFactory().program
    client.force_login(make_manager())
    add = reverse("admin:programs_intake_add")

    assert client.post(add, new_intake_form(program)).status_code == 302
    own = new_intake_form(
        program,
        name_en="Winter 2031",
        **{
            "review_criteria-TOTAL_FORMS": "1",
            "review_criteria-0-name": "Research fit",
            "review_criteria-0-position": "1",
        },
    )
    assert client.post(add, own).status_code == 302

    defaults = program.intakes.get(name="Autumn 2031").review_criteria
    assert defaults.count() == 3
    criteria = program.intakes.get(name="Winter 2031").review_criteria
    assert list(criteria.values_list("name", flat=True)) == ["Research fit"]


def test_a_criterion_names_its_intake_by_search_not_by_a_typed_id(client):
    client.force_login(make_manager())
    page = client.get(reverse("admin:selection_reviewcriterion_add")).text
    assert 'class="admin-autocomplete' in page
    assert "vForeignKeyRawIdAdminField" not in page
