import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partnership.models import Figure
from tests.factories import StaffFactory
from tests.partnership.factories import FigureBlockFactory, FigureFactory

pytestmark = pytest.mark.django_db

ORIENTATION, GPS_INFO = 0x0112, 0x8825


def jpeg_with_exif(width=2400, height=1600):
    image = Image.new("RGB", (width, height), "#0b4f8a")
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Co."  # Make
    exif[ORIENTATION] = 6  # rotated 90°: the upright photo is portrait
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_uploading_a_photo_in_admin_makes_upright_web_sizes_without_exif(client, media_root):
    figure = FigureFactory(caption="The signing ceremony (March 2020)")
    client.force_login(StaffFactory())
    upload = SimpleUploadedFile("ceremony.jpg", jpeg_with_exif(), content_type="image/jpeg")
    response = client.post(
        reverse("admin:partnership_figure_change", args=[figure.pk]),
        {
            "caption_en": figure.caption,
            "taken_in": "2020-03-01",
            "image": upload,
            "alt_text_en": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    figure.refresh_from_db()
    for field, width in (("image_web", 1200), ("image_small", 480)):
        with Image.open(getattr(figure, field).path) as rendition:
            assert rendition.format == "JPEG"
            # The 2400×1600 original was rotated upright (portrait), then scaled to the width.
            assert rendition.size == (width, width * 3 // 2)
            assert dict(rendition.getexif()) == {}


def test_article_shows_an_uploaded_photo_with_the_caption_as_alt_text(client, media_root):
    block = FigureBlockFactory(figure__caption="Students visit Alibaba")
    figure = block.figure
    figure.image = SimpleUploadedFile("visit.jpg", jpeg_with_exif(800, 600))
    figure.save()

    html = client.get(block.article.get_absolute_url()).content.decode()
    assert f'src="{figure.image_web.url}"' in html
    assert 'alt="Students visit Alibaba"' in html
    assert "figure-placeholder rounded" not in html
    assert f'<meta property="og:image" content="http://testserver{figure.image_web.url}">' in html


def test_a_file_that_is_not_an_image_is_refused_and_nothing_changes(client, media_root):
    figure = FigureFactory()
    client.force_login(StaffFactory())
    upload = SimpleUploadedFile("notes.jpg", b"not really a photo", content_type="image/jpeg")
    response = client.post(
        reverse("admin:partnership_figure_change", args=[figure.pk]),
        {"caption_en": "Changed caption", "taken_in": "2020-03-01", "image": upload},
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    figure.refresh_from_db()
    assert not figure.image and figure.caption != "Changed caption"


def test_alt_text_defaults_to_the_caption():
    assert Figure(caption="A caption").alt == "A caption"
    assert Figure(caption="A caption", alt_text="Two people sign").alt == "Two people sign"


@pytest.mark.parametrize(
    "name",
    [
        "figure",
        "newsarticle",
        "milestone",
        "organisation",
        "person",
        "agreement",
        "researchfield",
        "keyfigure",
        "articleblock",
    ],
)
def test_staff_can_search_and_filter_every_content_list(imported, client, name):
    client.force_login(StaffFactory())
    response = client.get(reverse(f"admin:partnership_{name}_changelist") + "?q=Zhejiang")
    assert response.status_code == 200


def test_staff_edit_articles_and_agreements_with_their_inlines(imported, client):
    from partnership.models import Agreement, NewsArticle

    client.force_login(StaffFactory())
    article = NewsArticle.objects.get()
    html = client.get(reverse("admin:partnership_newsarticle_change", args=[article.pk])).content
    assert b"The signing ceremony of Zhejiang University" in html  # a figure block inline
    agreement = Agreement.objects.get(day_known=True)
    html = client.get(reverse("admin:partnership_agreement_change", args=[agreement.pk])).content
    assert b"offering mutual benefits" in html
    assert b"Zhang Jianfeng" in html
