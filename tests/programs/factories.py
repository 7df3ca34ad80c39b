"""Factories and builders for the catalog tests (shared ones are in tests/factories.py)."""

from datetime import timedelta
from io import BytesIO

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import IntakeFactory, OrganisationFactory, ProgramFactory

# The seven programs the document import creates, by slug.
DOCUMENT_PROGRAMS = [
    (
        "international-graduate-summer-school",
        "summer_school",
        "International Graduate Summer School",
    ),
    ("zierip", "zierip", "ZIERIP"),
    ("internship-at-alibaba", "internship", "Internship at Alibaba"),
    ("intelligent-internet-technology-phd", "phd", "Intelligent Internet Technology PhD program"),
    ("summer-camp", "summer_camp", "Summer Camp of the School of Software Technology"),
    ("young-fellow-camp", "young_fellow_camp", "Alibaba Young Fellow Camp"),
    ("joint-training-base", "training_base", "Joint Training Base for Innovative Talents"),
]


def create_document_programs():
    return [
        ProgramFactory(slug=slug, kind=kind, title=title) for slug, kind, title in DOCUMENT_PROGRAMS
    ]


class UpcomingIntakeFactory(IntakeFactory):
    opens_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=40))


class ClosedIntakeFactory(IntakeFactory):
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=60))
    closes_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))


class ClosingSoonIntakeFactory(IntakeFactory):
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))


def jpeg_upload(name="photo.jpg", size=(3000, 2000), *, exif=True):
    """A real JPEG made by Pillow, with camera and GPS-like EXIF tags unless exif=False."""
    picture = Image.new("RGB", size, (200, 40, 40))
    buffer = BytesIO()
    metadata = Image.Exif()
    if exif:
        metadata[0x010F] = "ExampleCam"  # Make
        metadata[0x0131] = "SecretSoftware 1.0"  # Software
        metadata[0x0112] = 1  # Orientation
    picture.save(buffer, format="JPEG", exif=metadata.tobytes())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


__all__ = [
    "ClosedIntakeFactory",
    "ClosingSoonIntakeFactory",
    "OrganisationFactory",
    "UpcomingIntakeFactory",
    "create_document_programs",
    "jpeg_upload",
]
