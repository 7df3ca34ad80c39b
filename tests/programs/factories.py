"""Factories and files for application tests."""

import io
import struct
import zlib

import factory
from django.core.files.base import ContentFile
from PIL import Image

from programs.applications.models import STATEMENT_MIN_CHARS
from tests.factories import IntakeFactory, StudentProfileFactory

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
