"""Public uploads are served with DEBUG off; nothing outside MEDIA_ROOT is."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    (settings.MEDIA_ROOT / "programs" / "covers").mkdir(parents=True)
    settings.PRIVATE_MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def test_an_uploaded_cover_is_served_with_debug_off(client, media_root, settings):
    assert settings.DEBUG is False
    (media_root / "programs" / "covers" / "zierip.png").write_bytes(b"\x89PNG\r\n\x1a\nrest")
    response = client.get("/media/programs/covers/zierip.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_missing_file_is_a_404(client, media_root):
    assert client.get("/media/programs/covers/none.png").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/media/../private_media/cv.pdf", "/media/%2e%2e/private_media/cv.pdf", "/media//etc/passwd"],
)
def test_no_way_out_of_media_root(client, media_root, settings, path):
    (settings.PRIVATE_MEDIA_ROOT / "cv.pdf").write_bytes(b"%PDF-1.4 secret")
    response = client.get(path)
    # Django refuses traversal as a bad request (400) or finds nothing (404); never the file.
    assert response.status_code in {400, 404}
    assert b"secret" not in response.content
