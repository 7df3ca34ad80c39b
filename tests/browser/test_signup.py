import re

from django.core import mail
from playwright.sync_api import expect

PASSWORD = "a-Sound-passphrase-42"


def test_sign_up_verify_by_the_emailed_link_and_fill_in_the_profile(live_server, page):
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_role("link", name="Create an account").click()

    page.get_by_label("Email address").fill("Wei.Li@Example.org")
    page.get_by_label(re.compile(r"^\W*Password\W*$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    expect(page.get_by_role("status")).to_contain_text("We have sent a link to wei.li@example.org")
    expect(page.get_by_text("Not verified")).to_be_visible()

    # The live server runs in this process, so its locmem outbox is ours to read.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/verify/\S+/", mail.outbox[0].body).group()
    page.goto(link)

    expect(page).to_have_url(live_server.url + "/en/accounts/")
    expect(page.get_by_role("status")).to_contain_text("your email address is confirmed")
    expect(page.get_by_text("Verified", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Send the link again")).to_have_count(0)

    page.get_by_role("link", name="Edit profile").click()
    page.get_by_label("Given name (Latin script)").fill("Wei")
    page.get_by_label("Family name (Latin script)").fill("李")
    page.get_by_label("Date of birth").fill("2001-03-14")
    page.get_by_label("University").fill("Zhejiang University")
    page.get_by_role("button", name="Save profile").click()

    # The mistake is named next to its field and nothing else typed is lost.
    expect(page.get_by_text("Write the name in Latin letters")).to_be_visible()
    expect(page.get_by_label("University")).to_have_value("Zhejiang University")
    expect(page.get_by_label("Date of birth")).to_have_value("2001-03-14")

    page.get_by_label("Family name (Latin script)").fill("Li")
    page.get_by_label("Name in Chinese characters").fill("李伟")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")
    expect(page.get_by_label("Family name (Latin script)")).to_have_value("Li")
