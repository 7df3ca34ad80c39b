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
    expect(page).to_have_url(re.compile(r"/en/accounts/login/$"))
    expect(page.get_by_label("Email address")).to_be_visible()

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Home").click()
    expect(page).to_have_url(live_server.url + "/en/")

    # The switcher is a link to the same page in Chinese, and back.
    page.get_by_role("link", name="简体中文").click()
    expect(page).to_have_url(live_server.url + "/zh-hans/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(live_server.url + "/en/")
