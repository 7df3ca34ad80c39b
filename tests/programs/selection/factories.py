"""Staff users in their roles, review criteria, submitted applications, reviews."""

import itertools
from importlib import import_module

import factory
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from programs.selection.models import Review, ReviewAssignment, ReviewCriterion, ReviewScore
from programs.selection.rules import MANAGER_GROUP, REVIEWER_GROUP
from tests.factories import UserFactory
from tests.programs.factories import ApplicationFactory

_references = itertools.count(1)


SELECTION_DATA_MIGRATIONS = {
    "0002_create_staff_roles": "create_roles",
    "0003_seed_decision_email_templates": "seed",
    "0005_seed_chinese_decision_email_templates": "seed",
}


def restore_migrated_data():
    """Put back the roles and email templates the data migrations made.

    Transactional tests (live_server, threads) start from a flushed database, which has lost
    them; the migrations' own functions run again, in order, on the state of the last one
    (the tables as they are now: 0003's English templates need 0004's language column).
    """
    state = MigrationExecutor(connection).loader.project_state(
        ("selection", "0005_seed_chinese_decision_email_templates")
    )
    for migration, function in SELECTION_DATA_MIGRATIONS.items():
        module = import_module(f"programs.selection.migrations.{migration}")
        getattr(module, function)(state.apps, None)


def staff_in(group_name, **kwargs):
    """A staff user in one of the groups the migration created."""
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def make_manager(**kwargs):
    return staff_in(MANAGER_GROUP, **kwargs)


def make_reviewer(**kwargs):
    return staff_in(REVIEWER_GROUP, **kwargs)


def submitted_application(state="submitted", **kwargs):
    """An application past submission, with a reference, in `state`."""
    number = next(_references)
    return ApplicationFactory(
        state=state,
        submitted_at=timezone.now(),
        reference=f"TEST-{number:06d}",
        **kwargs,
    )


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCriterion

    intake = factory.SubFactory("tests.factories.IntakeFactory")
    name = factory.Iterator(["Academic record", "Motivation", "Technical skills"])
    position = factory.Sequence(lambda n: n)


def assign(application, reviewer):
    return ReviewAssignment.objects.create(application=application, reviewer=reviewer)


def review(application, reviewer, scores, comment=""):
    """A review with `scores` given in the order of the intake's criteria."""
    made = Review.objects.create(application=application, reviewer=reviewer, comment=comment)
    criteria = list(application.intake.review_criteria.all())
    ReviewScore.objects.bulk_create(
        ReviewScore(review=made, criterion=criterion, score=score)
        for criterion, score in zip(criteria, scores, strict=True)
    )
    return made


def bulk_applications(intake, count):
    """`count` submitted applications with profiles, without one query per row. For the
    list's query-count guard and bench/selection.py, so both measure the same data."""
    from accounts.models import StudentProfile, User
    from programs.applications.models import Application
    from programs.applications.states import ApplicationState as S

    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"bulk{intake.pk}-{n}@example.org", first_name="Bulk", last_name=str(n))
        for n in range(count)
    )
    StudentProfile.objects.bulk_create(
        StudentProfile(
            user=user,
            given_name="Bulk",
            family_name=str(n),
            university=f"University {n % 7}",
            degree_level="master",
        )
        for n, user in enumerate(users)
    )
    Application.objects.bulk_create(
        Application(
            applicant=user,
            intake=intake,
            state=S.SUBMITTED,
            submitted_at=now,
            reference=f"BULK-{intake.pk}-{n:06d}",
        )
        for n, user in enumerate(users)
    )
