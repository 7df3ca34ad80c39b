"""The bad-upload corpus, through the real documents form, for each kind of document.

Every file here is refused with a message that names it and says what is wrong, never with a
5xx; the draft keeps its statement, answers and the document it already had, and no file of
the refused upload is left in private storage.
"""

import functools
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications import documents
from tests.applications.factories import STATEMENT, ApplicationFactory, DocumentFactory
from tests.files import minimal_pdf, png_bomb, png_bytes

pytestmark = pytest.mark.django_db


def zip_archive(name="payload.html", content=b"<script>alert(1)</script>"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return out.getvalue()


@functools.cache
def zip_bomb():
    """A 50 KB archive that unpacks to 50 MB of zeros."""
    return zip_archive("zeros.bin", b"\0" * (50 * 1024 * 1024))


def jpeg_bytes():
    return png_bytes((64, 48), image_format="JPEG")


PDF_CORPUS = [
    ("wrong type renamed", png_bytes, "is not a PDF document"),
    ("truncated", lambda: minimal_pdf()[:120], "is not a complete PDF"),
    ("bomb", zip_bomb, "is not a PDF document"),
    ("oversize", lambda: minimal_pdf() + b"0" * documents.PDF_MAX_BYTES, "the limit is 10.0"),
    ("empty", lambda: b"", "is empty"),
    ("polyglot with a zip", lambda: minimal_pdf() + zip_archive(), "combined with another"),
    (
        "polyglot with html",
        lambda: b"%PDF-1.4\n<html><body><script>alert(1)</script>\n" + minimal_pdf()[9:],
        "combined with another",
    ),
]
PHOTO_CORPUS = [
    ("wrong type renamed", minimal_pdf, "not a readable JPEG or PNG"),
    ("truncated", lambda: png_bytes((300, 300))[:200], "not a readable JPEG or PNG"),
    ("bomb", png_bomb, "too many pixels"),
    ("oversize", lambda: b"\x89PNG" + b"0" * documents.PHOTO_MAX_BYTES, "the limit is 5.0"),
    ("empty", lambda: b"", "is empty"),
    ("polyglot with a zip", lambda: png_bytes() + zip_archive(), "combined with another"),
    ("polyglot with html", lambda: jpeg_bytes() + b"<html><script>x</script>", "combined with"),
]
KINDS = {
    "cv": ("cv.pdf", "application/pdf", PDF_CORPUS),
    "transcript": ("grades.pdf", "application/pdf", PDF_CORPUS),
    "photo": ("me.jpg", "image/jpeg", PHOTO_CORPUS),
}
CASES = [
    (kind, case, content, message)
    for kind, (_name, _type, corpus) in KINDS.items()
    for case, content, message in corpus
]


@pytest.fixture
def draft(client, private_media):
    application = ApplicationFactory(statement=STATEMENT, answers={"7": "kept"})
    client.force_login(application.applicant)
    return application


def stored_files(root):
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


@pytest.mark.parametrize(
    ("kind", "case", "content", "message"), CASES, ids=[f"{c[0]}: {c[1]}" for c in CASES]
)
def test_each_bad_file_is_refused_clearly_and_the_draft_is_intact(
    client, draft, private_media, kind, case, content, message
):
    existing = DocumentFactory(application=draft, kind=kind, original_name="good.pdf")
    files_before = stored_files(private_media)
    name, content_type, _corpus = KINDS[kind]

    response = client.post(
        reverse("applications:step_documents", kwargs={"pk": draft.pk}),
        {kind: SimpleUploadedFile(name, content(), content_type)},
    )

    assert response.status_code == 400
    text = response.content.decode()
    assert message in text and name in text
    draft.refresh_from_db()
    assert draft.statement == STATEMENT and draft.answers == {"7": "kept"}
    assert list(draft.documents.all()) == [existing]
    assert stored_files(private_media) == files_before


@pytest.mark.parametrize(
    ("kind", "content"),
    [("cv", minimal_pdf), ("transcript", minimal_pdf), ("photo", jpeg_bytes)],
)
def test_the_good_file_of_each_kind_is_still_accepted(client, draft, kind, content):
    name, content_type, _corpus = KINDS[kind]
    response = client.post(
        reverse("applications:step_documents", kwargs={"pk": draft.pk}),
        {kind: SimpleUploadedFile(name, content(), content_type)},
    )
    assert response.status_code == 302
    assert draft.documents.filter(kind=kind).exists()
