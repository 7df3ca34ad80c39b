"""One image pipeline for every upload: no stored or served file keeps the upload's metadata.

Each kind of picture goes in as a camera would write it (EXIF with the camera and a GPS
position, an ICC profile, a PNG text chunk) and every file the portal then holds, public or
private, is checked byte for byte.
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from tests.applications.factories import STATEMENT, ApplicationFactory
from tests.factories import ProgramFactory, StaffFactory, SupervisorFactory
from tests.partnership.factories import FigureFactory

pytestmark = pytest.mark.django_db

SECRET = "SecretCam 3000 serial 42"
GPS_INFO = 0x8825


def camera_file(image_format):
    """A JPEG or PNG carrying EXIF (camera, GPS), an ICC profile and, for PNG, a text chunk."""
    exif = Image.Exif()
    exif[0x010F] = SECRET  # Make
    exif[GPS_INFO] = {2: (30.0, 15.0, 0.0)}
    extra = {"exif": exif.tobytes(), "icc_profile": b"\0" * 128 + SECRET.encode()}
    if image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", SECRET)
        extra["pnginfo"] = text
    out = io.BytesIO()
    Image.new("RGB", (900, 600), (20, 90, 160)).save(out, image_format, **extra)
    data = out.getvalue()
    assert SECRET.encode() in data
    extension = {"JPEG": "jpg", "PNG": "png"}[image_format]
    return SimpleUploadedFile(f"camera.{extension}", data, f"image/{image_format.lower()}")


def assert_without_metadata(data, where):
    assert SECRET.encode() not in data, where
    with Image.open(io.BytesIO(data)) as picture:
        assert not picture.getexif(), where
        assert not {"exif", "icc_profile", "Comment"} & set(picture.info), (where, picture.info)


def stored_files(*roots):
    return [path for root in roots for path in Path(root).rglob("*") if path.is_file()]


@pytest.fixture
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


def upload_figure_in_admin(client, upload):
    figure = FigureFactory(caption="The signing ceremony")
    client.force_login(StaffFactory())
    response = client.post(
        reverse("admin:partnership_figure_change", args=[figure.pk]),
        {
            "caption_en": figure.caption,
            "taken_in": "2020-03-01",
            "image": upload,
            "alt_text_en": "",
        },
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    return [figure.image, figure.image_web, figure.image_small]


def upload_program_cover(client, upload):
    program = ProgramFactory(cover_image=upload)
    return [program.cover_image, program.cover_card]


def upload_supervisor_photo(client, upload):
    supervisor = SupervisorFactory(photo=upload)
    return [supervisor.photo, supervisor.photo_thumbnail]


def upload_applicant_photo(client, upload):
    draft = ApplicationFactory(statement=STATEMENT)
    client.force_login(draft.applicant)
    url = reverse("applications:step_documents", kwargs={"pk": draft.pk})
    assert client.post(url, {"photo": upload}).status_code == 302
    return []  # private: never served at a public address


UPLOADS = [
    upload_figure_in_admin,
    upload_program_cover,
    upload_supervisor_photo,
    upload_applicant_photo,
]


@pytest.mark.parametrize("image_format", ["JPEG", "PNG"])
@pytest.mark.parametrize("upload", UPLOADS, ids=[upload.__name__ for upload in UPLOADS])
def test_no_file_stored_or_served_keeps_the_uploads_metadata(client, roots, upload, image_format):
    served = upload(client, camera_file(image_format))

    files = stored_files(*roots)
    assert files
    for path in files:
        assert_without_metadata(path.read_bytes(), path)
    assert not any("original" in path.parts for path in files)
    for field_file in served:
        response = client.get(field_file.url)
        assert response.status_code == 200, field_file.url
        assert_without_metadata(b"".join(response.streaming_content), field_file.url)


def test_the_migration_strips_figures_uploaded_before_and_removes_the_originals(roots):
    from importlib import import_module

    from django.apps import apps
    from django.core.files.storage import default_storage

    from partnership.models import Figure

    migration = import_module("partnership.migrations.0003_figure_image_stripped")
    name = default_storage.save("figures/original/ceremony.jpg", camera_file("JPEG"))
    figure = FigureFactory()
    Figure.objects.filter(pk=figure.pk).update(image=name)

    migration.strip_uploaded_figures(apps, None)

    figure.refresh_from_db()
    assert not default_storage.exists(name)
    assert figure.image.name.startswith("figures/full/")
    assert_without_metadata(figure.image.read(), figure.image.name)
