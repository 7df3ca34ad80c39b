import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import IntakeFactory, ProgramFactory
from tests.programs.factories import ClosedIntakeFactory, UpcomingIntakeFactory


@pytest.fixture
def catalog(transactional_db):
    zierip = ProgramFactory(title="ZIERIP", slug="zierip", kind="zierip")
    IntakeFactory(program=zierip, name="ZIERIP 2027", closes_at=timezone.now() + timedelta(days=3))
    camp = ProgramFactory(title="Summer camp", slug="summer-camp", kind="summer_camp")
    UpcomingIntakeFactory(program=camp, name="Camp 2027")
    base = ProgramFactory(title="Joint training base", slug="base", kind="training_base")
    ClosedIntakeFactory(program=base, name="Base 2026")


def test_filter_the_catalog_open_a_program_and_see_the_apply_state(live_server, page, catalog):
    page.goto(live_server.url + "/en/programs/")
    cards = page.locator(".program-card")
    expect(cards).to_have_count(3)

    page.get_by_label("Status").select_option("upcoming")
    page.get_by_role("button", name="Show programs").click()
    expect(page).to_have_url(re.compile(r"status=upcoming"))
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Upcoming")

    cards.first.get_by_role("link", name="Summer camp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Summer camp")
    button = page.locator(".apply-button")
    expect(button).to_have_text(re.compile(r"^Opens on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$"))
    expect(button).to_have_attribute("aria-disabled", "true")

    page.goto(live_server.url + "/en/programs/?status=open")
    page.get_by_role("link", name="ZIERIP").click()
    expect(page.get_by_role("link", name="Apply — ZIERIP 2027")).to_be_visible()
    # The countdown ticks in the browser, from the static script.
    countdown = page.locator("[data-countdown-to]")
    expect(countdown).to_have_text(re.compile(r"^\d+ d \d{2} h \d{2} min \d{2} s left to apply$"))
    first = countdown.text_content()
    expect(countdown).not_to_have_text(first, timeout=3000)


def test_a_browser_in_los_angeles_sees_deadlines_in_its_own_time_zone(
    live_server, chromium, transactional_db
):
    """The script writes tz=America%2FLos_Angeles; from the next page on the server uses it."""
    program = ProgramFactory(title="ZIERIP", slug="zierip", kind="zierip")
    IntakeFactory(
        program=program,
        name="ZIERIP 2030",
        closes_at=datetime(2030, 4, 30, 15, 59, tzinfo=ZoneInfo("UTC")),
    )
    context = chromium.new_context(locale="en-GB", timezone_id="America/Los_Angeles")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/en/programs/")
        page.reload()
        card = page.locator(".program-card")
        expect(card).to_contain_text("Next deadline: 30 Apr 2030, 08:59 (America/Los_Angeles)")
        page.goto(live_server.url + "/en/programs/zierip/")
        expect(page.locator(".intake")).to_contain_text("30 Apr 2030, 08:59 (America/Los_Angeles)")
    finally:
        context.close()
