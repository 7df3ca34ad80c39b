"""Factories of applications and their documents."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from applications.models import STATEMENT_MIN_CHARS
from tests.factories import IntakeFactory, StudentProfileFactory
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
