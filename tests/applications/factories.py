"""Factories of applications and their documents."""

import factory
from django.core.files.base import ContentFile

from applications.models import STATEMENT_MIN_CHARS
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
