"""Factories of applications and their documents."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from applications.models import STATEMENT_MIN_CHARS, RecommendationLetter
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.files import minimal_pdf

STATEMENT = ("I want to learn how large systems are built and run at scale. " * 10)[
    : STATEMENT_MIN_CHARS + 50
]


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft by a verified student with a complete profile."""

    class Meta:
        model = "applications.Application"

    applicant = factory.LazyFunction(lambda: StudentProfileFactory().user)
    intake = factory.SubFactory(IntakeFactory)


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
