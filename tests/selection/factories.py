"""Staff users in their roles, review criteria, submitted applications, reviews."""

import itertools

import factory
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from applications.models import Application
from selection.models import Review, ReviewAssignment, ReviewCriterion, ReviewScore
from selection.roles import MANAGER_GROUP, REVIEWER_GROUP
from selection.services import review_summaries_refresh
from tests.applications.factories import ApplicationFactory
from tests.factories import UserFactory

_references = itertools.count(1)


def staff_in(group_name, **kwargs):
    """A staff user in one of the roles (selection.roles keeps the groups after every
    migrate and every flush of a transactional test)."""
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
    # As review_save does: the list, the waitlist and exports read the stored summary.
    review_summaries_refresh(applications=Application.objects.filter(pk=application.pk))
    return made


def bulk_applications(intake, count, batch_size=5_000):
    """`count` submitted applications with profiles, without one query per row. For the
    list's query-count guard and bench/selection.py, so both measure the same data."""
    from accounts.models import StudentProfile, User, search_text
    from applications.models import Application
    from applications.states import ApplicationState as S

    now = timezone.now()
    users = [
        User(email=f"bulk{intake.pk}-{n}@example.org", first_name="Bulk", last_name=str(n))
        for n in range(count)
    ]
    profiles = [
        StudentProfile(
            user=user,
            given_name="Bulk",
            family_name=str(n),
            university=f"University {n % 7}",
            degree_level="master",
        )
        for n, user in enumerate(users)
    ]
    for user, profile in zip(users, profiles, strict=True):
        user.search_text = search_text(user, profile)  # bulk_create skips save(), which keeps it
    User.objects.bulk_create(users, batch_size=batch_size)
    StudentProfile.objects.bulk_create(profiles, batch_size=batch_size)
    return Application.objects.bulk_create(
        [
            Application(
                applicant=user,
                intake=intake,
                state=S.SUBMITTED,
                submitted_at=now,
                reference=f"BULK-{intake.pk}-{n:06d}",
            )
            for n, user in enumerate(users)
        ],
        batch_size=batch_size,
    )


def staff_document_url(document):
    """Where staff download an applicant's document: the application's admin page."""
    return reverse(
        "admin:applications_application_document", args=[document.application_id, document.pk]
    )
