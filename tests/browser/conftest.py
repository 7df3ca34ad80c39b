"""Playwright driving Debian's Chromium; never a downloaded browser."""

import os
from pathlib import Path

import pytest

from tests.files import minimal_pdf, png_bytes

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    browser_dir = Path(__file__).parent
    for item in items:
        if browser_dir in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(
            "Chromium is not installed at /usr/bin/chromium: install Debian's `chromium` "
            "package (apt-get install chromium); .ci/run does this."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def files(tmp_path, settings):
    """A real PDF and a real PNG on disk for upload fields; uploads kept in tmp_path."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(minimal_pdf())
    photo = tmp_path / "me.png"
    photo.write_bytes(png_bytes((400, 500)))
    return {"pdf": pdf, "photo": photo}
