import re

from playwright.sync_api import expect


def test_home_page_navigation_and_language_switch(live_server, page):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("ZJU–Alibaba Joint Training")

    # The skip link is the first thing a keyboard user reaches.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()

    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_label("Email address")).to_be_visible()

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Home").click()
    expect(page).to_have_url(live_server.url + "/")

    page.get_by_label("Language").select_option("zh-hans")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
