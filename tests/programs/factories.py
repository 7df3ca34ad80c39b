"""Factories, builders and files for the programs tests (shared ones are in tests/factories.py)."""

import io
import struct
import zlib
from datetime import timedelta
from io import BytesIO

import factory
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from programs.applications.models import STATEMENT_MIN_CHARS
from tests.factories import IntakeFactory, ProgramFactory, StudentProfileFactory

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


STATEMENT = ("I want to learn how large systems are built and run at scale. " * 10)[
    : STATEMENT_MIN_CHARS + 50
]


def minimal_pdf():
    """A small but valid one-page PDF, built with correct cross-reference offsets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (4, xref))
    return out.getvalue()


def png_bytes(size=(64, 48), colour=(200, 30, 30), image_format="PNG", **save_args):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, image_format, **save_args)
    return out.getvalue()


def png_bomb(width=100_000, height=100_000):
    """A tiny PNG whose header claims 10 billion pixels: Pillow must refuse it on open."""
    data = bytearray(png_bytes((1, 1)))
    # IHDR's data starts at byte 16: width, height (big-endian), then 5 more bytes; CRC after.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft by a verified student with a complete profile."""

    class Meta:
        model = "programs.Application"

    applicant = factory.LazyFunction(lambda: StudentProfileFactory().user)
    intake = factory.SubFactory(IntakeFactory)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programs.ApplicationDocument"

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


def build_large_catalog(size=1000):
    """`size` programs with 5 intakes each (one per status and a second open one); every
    other program hosted by Zhejiang University (slug "zju"). For query-count guards and
    bench/catalog.py, so both measure the same data."""
    from portal.models import Organisation
    from programs.models import Intake, Program, ProgramKind

    zju, _ = Organisation.objects.get_or_create(
        slug="zju", defaults={"name": "Zhejiang University", "kind": "university"}
    )
    now = timezone.now()
    programs = Program.objects.bulk_create(
        Program(
            kind=ProgramKind.values[n % len(ProgramKind.values)],
            title=f"Program {n}",
            slug=f"program-{n}",
            summary=f"Summary {n}",
            description="A joint program of Zhejiang University and Alibaba. " * 5,
        )
        for n in range(size)
    )
    Program.host_organisations.through.objects.bulk_create(
        Program.host_organisations.through(program=program, organisation=zju)
        for program in programs[::2]
    )
    windows = [(-30, 20), (-10, 3), (5, 40), (-90, -60), (-5, 60)]
    Intake.objects.bulk_create(
        Intake(
            program=program,
            name=f"Round {i}",
            opens_at=now + timedelta(days=opens + n % 7),
            closes_at=now + timedelta(days=closes + n % 7),
            starts_on=(now + timedelta(days=100)).date(),
            ends_on=(now + timedelta(days=130)).date(),
            capacity=20,
        )
        for n, program in enumerate(programs)
        for i, (opens, closes) in enumerate(windows)
    )
    return programs
