"""Each application stores its review count and average score, written with every review."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from applications.models import Application
from applications.states import ApplicationState
from selection.selectors import waitlist
from selection.services import review_save
from tests.factories import IntakeFactory, UserFactory
from tests.selection.factories import (
    CriterionFactory,
    assign,
    make_reviewer,
    submitted_application,
)

pytestmark = pytest.mark.django_db

S = ApplicationState
BEFORE_THE_SUMMARY = [("applications", "0006_add_interview_slots_and_interviews")]


def test_saving_reviews_stores_the_count_and_the_mean_of_all_scores():
    intake = IntakeFactory()
    academic, motivation = CriterionFactory.create_batch(2, intake=intake)
    application = submitted_application(state=S.UNDER_REVIEW, intake=intake)
    first, second = make_reviewer(), make_reviewer()
    for reviewer in (first, second):
        assign(application, reviewer)
    assert (application.review_count, application.average_score) == (0, None)

    review_save(application=application, reviewer=first, scores={academic: 4, motivation: 5})
    application.refresh_from_db()
    assert (application.review_count, application.average_score) == (1, 4.5)

    review_save(application=application, reviewer=second, scores={academic: 1, motivation: 2})
    review_save(application=application, reviewer=first, scores={academic: 2, motivation: 5})
    application.refresh_from_db()
    assert (application.review_count, application.average_score) == (2, 2.5)


def test_an_unreviewed_application_sorts_last_on_the_waitlist():
    intake = IntakeFactory()
    criterion = CriterionFactory(intake=intake)
    scored, unscored = (submitted_application(state=S.WAITLISTED, intake=intake) for _ in "ab")
    reviewer = make_reviewer()
    assign(scored, reviewer)
    review_save(application=scored, reviewer=reviewer, scores={criterion: 1})
    assert list(waitlist(intake)) == [scored, unscored]


@pytest.mark.django_db(transaction=True)
def test_the_migration_stores_the_summary_of_reviews_written_before():
    application = submitted_application(state=S.UNDER_REVIEW)
    reviewers = UserFactory.create_batch(2)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_THE_SUMMARY)
    old = executor.loader.project_state(BEFORE_THE_SUMMARY).apps
    try:
        criterion = old.get_model("selection", "ReviewCriterion").objects.create(
            intake_id=application.intake_id, name="Motivation"
        )
        for reviewer, score in zip(reviewers, (3, 4), strict=True):
            review = old.get_model("selection", "Review").objects.create(
                application_id=application.pk, reviewer_id=reviewer.pk
            )
            old.get_model("selection", "ReviewScore").objects.create(
                review=review, criterion=criterion, score=score
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    application = Application.objects.get(pk=application.pk)
    assert (application.review_count, application.average_score) == (2, 3.5)
