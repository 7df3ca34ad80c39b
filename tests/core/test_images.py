"""Uploaded cover images and photos are served only as resized renditions without EXIF."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import ProgramFactory, SupervisorFactory
from tests.files import jpeg_upload

pytestmark = pytest.mark.django_db


def open_image(field_file):
    field_file.open("rb")
    return Image.open(field_file)


def test_the_test_upload_really_carries_exif():
    upload = jpeg_upload()
    assert Image.open(upload).getexif()[0x010F] == "ExampleCam"


def test_program_cover_is_resized_stripped_and_gets_a_card_rendition():
    program = ProgramFactory(cover_image=jpeg_upload("cover.jpg", size=(3000, 2000)))
    program.refresh_from_db()
    with open_image(program.cover_image) as cover:
        assert cover.size == (1350, 900)  # fits in 1600×900, keeps 3:2
        assert not cover.getexif()
        assert cover.format == "JPEG"
    with open_image(program.cover_card) as card:
        assert card.size == (640, 360)  # cropped to the card's 16:9
        assert not card.getexif()
    assert program.cover_card.name.endswith("-cover_card.jpg")


def test_supervisor_photo_is_resized_stripped_and_gets_a_thumbnail():
    supervisor = SupervisorFactory(photo=jpeg_upload("face.jpg", size=(1000, 1500)))
    with open_image(supervisor.photo) as photo:
        assert photo.size == (533, 800)
        assert not photo.getexif()
    with open_image(supervisor.photo_thumbnail) as thumbnail:
        assert thumbnail.size == (240, 240)


def test_transparent_png_keeps_its_transparency():
    buffer = BytesIO()
    Image.new("RGBA", (800, 450), (0, 0, 0, 0)).save(buffer, format="PNG")
    program = ProgramFactory(cover_image=SimpleUploadedFile("logo.png", buffer.getvalue()))
    with open_image(program.cover_card) as card:
        assert card.format == "PNG" and card.mode == "RGBA"


def test_saving_again_does_not_reprocess_and_clearing_removes_the_rendition():
    program = ProgramFactory(cover_image=jpeg_upload())
    names = (program.cover_image.name, program.cover_card.name)
    program.title = "Renamed"
    program.save()
    assert (program.cover_image.name, program.cover_card.name) == names
    program.cover_image = ""
    program.save()
    program.refresh_from_db()
    assert not program.cover_card


def test_cards_and_program_page_use_the_renditions(client):
    program = ProgramFactory(cover_image=jpeg_upload())
    catalog = client.get("/en/programs/").content.decode()
    assert f'src="{program.cover_card.url}"' in catalog
    page = client.get(program.get_absolute_url()).content.decode()
    assert f'src="{program.cover_image.url}"' in page
