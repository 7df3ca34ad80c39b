"""Factories of applications, their documents, referees and interviews."""

import itertools
from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from applications.models import STATEMENT_MIN_CHARS, Interview, RecommendationLetter
from selection.roles import REVIEWER_GROUP
from tests.factories import IntakeFactory, StudentProfileFactory, UserFactory
from tests.files import minimal_pdf

OFFER_STATES = {"offered", "accepted", "declined"}

STATEMENT = ("I want to learn how large systems are built and run at scale. " * 10)[
    : STATEMENT_MIN_CHARS + 50
]


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft by a verified student with a complete profile."""

    class Meta:
        model = "applications.Application"

    applicant = factory.LazyFunction(lambda: StudentProfileFactory().user)
    intake = factory.SubFactory(IntakeFactory)
    state = "draft"
    # An application made in a state past the offer has the deadline the offer was given.
    offer_reply_deadline = factory.LazyAttribute(
        lambda o: (
            timezone.now() + timedelta(days=o.intake.offer_reply_days)
            if o.state in OFFER_STATES
            else None
        )
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.ApplicationDocument"

    application = factory.SubFactory(ApplicationFactory)
    kind = "cv"
    file = factory.LazyFunction(lambda: ContentFile(minimal_pdf(), name="doc.pdf"))
    original_name = "cv.pdf"
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda o: len(minimal_pdf()))


def complete_application(**kwargs):
    """A draft that can be submitted: statement and the two required PDFs present."""
    application = ApplicationFactory(statement=STATEMENT, **kwargs)
    DocumentFactory(application=application, kind="cv")
    DocumentFactory(application=application, kind="transcript", original_name="grades.pdf")
    return application


def intake_with_referees(count=2, **kwargs):
    """An open intake asking for `count` letters, due in 20 days."""
    return IntakeFactory(
        referees_required=count, letters_due_at=timezone.now() + timedelta(days=20), **kwargs
    )


class RefereeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Referee"

    application = factory.SubFactory(
        ApplicationFactory, intake=factory.LazyFunction(intake_with_referees)
    )
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"referee{n}@university.example.org")
    institution = "Zhejiang University"
    relationship = "Supervisor of my bachelor's thesis"


def received_letter(referee, *, text="", language="en"):
    """The referee's letter as if sent from their page: a PDF unless `text` is given."""
    letter = RecommendationLetter(referee=referee, language=language, text=text)
    if not text:
        letter.original_name = "letter.pdf"
        letter.size = len(minimal_pdf())
        letter.file.save("letter.pdf", ContentFile(minimal_pdf()), save=False)
    letter.save()
    referee.received_at = letter.received_at
    referee.save(update_fields=["received_at"])
    return letter


class InterviewSlotFactory(factory.django.DjangoModelFactory):
    """A free 30-minute online slot of an open intake, in three days."""

    class Meta:
        model = "applications.InterviewSlot"

    intake = factory.SubFactory(IntakeFactory)
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    )
    length_minutes = 30
    online_url = "https://meeting.example.org/room-42"
    interviewer = factory.LazyFunction(lambda: interviewer())


def interviewer(**kwargs):
    """A reviewer, the role that holds interviews (as tests.selection.factories.make_reviewer,
    which imports this module)."""
    user = UserFactory(is_staff=True, **{"first_name": "Rita", "last_name": "Reviewer", **kwargs})
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    return user


_interview_references = itertools.count(1)


def invited_to_interview(**kwargs):
    """A shortlisted application invited to interview, not booked yet."""
    application = ApplicationFactory(
        state="shortlisted",
        submitted_at=timezone.now(),
        reference=f"INT-{next(_interview_references):06d}",
        **kwargs,
    )
    return Interview.objects.create(application=application)
