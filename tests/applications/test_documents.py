"""Uploads are checked by content; bad ones are named and lose nothing; files stay private."""

import io
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from applications import documents
from tests.applications.factories import STATEMENT, ApplicationFactory, DocumentFactory
from tests.factories import StaffFactory, UserFactory
from tests.files import minimal_pdf, png_bomb, png_bytes
from tests.selection.factories import staff_document_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client):
    application = ApplicationFactory(statement=STATEMENT, answers={"7": "kept"})
    client.force_login(application.applicant)
    return application


def upload(client, application, **files):
    url = reverse("applications:step_documents", kwargs={"pk": application.pk})
    return client.post(url, files)


def test_good_pdfs_are_stored_privately_under_random_names(client, draft, private_media):
    response = upload(
        client,
        draft,
        cv=SimpleUploadedFile("My CV.pdf", minimal_pdf(), "application/pdf"),
        transcript=SimpleUploadedFile("grades.pdf", minimal_pdf(), "application/pdf"),
    )
    assert response.status_code == 302
    cv = draft.documents.get(kind="cv")
    assert cv.original_name == "My CV.pdf"
    assert "My CV" not in cv.file.name
    assert (private_media / cv.file.name).read_bytes() == minimal_pdf()


BAD_PDFS = [
    ("PNG renamed to .pdf", lambda: png_bytes(), "is not a PDF document"),
    ("empty", lambda: b"", "is empty"),
    ("oversize", lambda: b"%PDF-1.4\n" + b"0" * documents.PDF_MAX_BYTES, "the limit is 10.0"),
]


@pytest.mark.parametrize(("case", "content", "message"), BAD_PDFS, ids=[c[0] for c in BAD_PDFS])
def test_a_bad_pdf_is_named_and_the_rest_of_the_draft_is_kept(
    client, draft, case, content, message
):
    response = upload(
        client,
        draft,
        cv=SimpleUploadedFile("cv.pdf", content(), "application/pdf"),
        transcript=SimpleUploadedFile("grades.pdf", minimal_pdf(), "application/pdf"),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "cv.pdf" in response.content.decode()
    draft.refresh_from_db()
    assert draft.statement == STATEMENT and draft.answers == {"7": "kept"}
    # The good file sent in the same form is saved.
    assert list(draft.documents.values_list("kind", flat=True)) == ["transcript"]


def test_a_bad_upload_does_not_replace_the_good_file_already_there(client, draft):
    existing = DocumentFactory(application=draft, kind="cv")
    upload(client, draft, cv=SimpleUploadedFile("cv.pdf", b"MZ\x90\x00", "application/pdf"))
    assert draft.documents.get() == existing
    assert existing.file.storage.exists(existing.file.name)


def photo_upload(content, name="me.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type)


BAD_PHOTOS = [
    ("truncated", lambda: png_bytes((300, 300))[:200], "not a readable JPEG or PNG"),
    ("not an image", lambda: b"GIF89a" + b"\x00" * 50, "not a readable JPEG or PNG"),
    ("gif", lambda: png_bytes(image_format="GIF"), "please upload JPEG or PNG"),
    ("bomb", png_bomb, "too many pixels"),
    ("empty", lambda: b"", "is empty"),
    ("oversize", lambda: b"\x89PNG" + b"0" * documents.PHOTO_MAX_BYTES, "the limit is 5.0"),
]


@pytest.mark.parametrize(("case", "content", "message"), BAD_PHOTOS, ids=[c[0] for c in BAD_PHOTOS])
def test_a_bad_photo_is_refused_with_its_reason(client, draft, case, content, message):
    response = upload(client, draft, photo=photo_upload(content()))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not draft.documents.exists()
    draft.refresh_from_db()
    assert draft.statement == STATEMENT


def test_pillow_warning_zone_bombs_are_refused_too(client, draft, monkeypatch):
    # Between MAX_IMAGE_PIXELS and twice that Pillow only warns; we refuse.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 64 * 48 - 1)
    response = upload(client, draft, photo=photo_upload(png_bytes((64, 48))))
    assert "too many pixels" in response.content.decode()


def test_a_photo_is_reencoded_without_exif_and_shrunk(client, draft):
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {2: (30.0, 15.0, 0.0)}  # GPS info
    original = png_bytes((3000, 4000), image_format="JPEG", exif=exif.tobytes())
    assert b"SecretCam" in original

    response = upload(client, draft, photo=photo_upload(original, "me.jpg", "image/jpeg"))

    assert response.status_code == 302
    photo = draft.documents.get(kind="photo")
    stored = photo.file.open("rb").read()
    assert b"SecretCam" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert image.size == (1200, 1600)
    assert photo.content_type == "image/jpeg"
    assert photo.size == len(stored)


def test_a_new_upload_replaces_the_old_file(client, draft, django_capture_on_commit_callbacks):
    old = DocumentFactory(application=draft, kind="cv")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, draft, cv=SimpleUploadedFile("new.pdf", minimal_pdf(), "application/pdf"))
    new = draft.documents.get(kind="cv")
    assert new.original_name == "new.pdf"
    assert not old.file.storage.exists(old.file.name)


# File access


@pytest.fixture
def document():
    return DocumentFactory()


def test_the_owner_downloads_their_file(client, document):
    client.force_login(document.application.applicant)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_staff_download_from_the_admin_not_from_the_students_pages(client, document):
    client.force_login(StaffFactory())
    assert client.get(staff_document_url(document)).status_code == 200
    assert client.get(document.get_absolute_url()).status_code == 403


def test_another_student_is_forbidden(client, document):
    client.force_login(UserFactory())
    assert client.get(document.get_absolute_url()).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, document):
    response = client.get(document.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_unknown_ids_are_not_found(client, document):
    client.force_login(document.application.applicant)
    url = reverse("applications:document", kwargs={"pk": uuid.uuid4()})
    assert client.get(url).status_code == 404
    assert client.get(f"/en/applications/documents/{document.pk.int % 1000}/").status_code == 404


def test_files_live_outside_media_root_without_a_public_url(document, settings, private_media):
    path = Path(document.file.path)
    assert path.is_relative_to(private_media)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    with pytest.raises(ValueError, match="no URL"):
        _ = document.file.url
