from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

DOCUMENT = Path(settings.BASE_DIR) / "content" / "zju-alibaba-cooperation-2020.txt"


@pytest.fixture
def imported(transactional_db):
    call_command("import_document", str(DOCUMENT), stdout=StringIO())


def test_visitor_reads_news_timeline_and_partnership_from_home(imported, live_server, page):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="The partnership in numbers")).to_be_visible()
    expect(page.get_by_text("30+", exact=True)).to_be_visible()

    page.get_by_role("region", name="Latest news").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Joins Hands with Alibaba Group")
    figure = page.locator("figure").first
    expect(figure.locator("figcaption")).to_contain_text("The signing ceremony of Zhejiang")
    expect(
        page.get_by_text("Daniel Zhang, Chairman and CEO of Alibaba Group").first
    ).to_be_visible()

    page.get_by_role("link", name="timeline", exact=True).click()
    expect(
        page.get_by_role("heading", name="Joint Institute of Frontier Technologies founded")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Planned", exact=True)).to_be_visible()

    page.get_by_role("link", name="About the partnership").click()
    expect(page.get_by_role("heading", name="Joint research fields")).to_be_visible()
    expect(page.get_by_text("Zhang Jianfeng", exact=True)).to_be_visible()
    expect(page.get_by_text("Smart ocean", exact=True)).to_be_visible()
