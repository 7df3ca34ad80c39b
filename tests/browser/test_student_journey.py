"""Issue 5's whole journey in one browser: a newcomer signs up, verifies, applies and submits."""

import re

from django.core import mail
from playwright.sync_api import expect

from applications.models import Application
from tests.applications.factories import STATEMENT
from tests.factories import IntakeFactory

PASSWORD = "a-Sound-passphrase-42"


def test_sign_up_verify_apply_leave_resume_submit(live_server, page, files, transactional_db):
    intake = IntakeFactory(
        name="Summer 2027", requires_photo=True, program__title="International Summer School"
    )

    # Sign up and confirm the address through the emailed link.
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email address").fill("ana.silva@example.org")
    page.get_by_label(re.compile(r"^\W*Password\W*$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    link = re.search(r"https?://\S+/accounts/verify/\S+/", mail.outbox[-1].body).group()
    page.goto(link)
    expect(page.get_by_text("Verified", exact=True)).to_be_visible()

    # Complete the profile an application needs.
    page.get_by_role("link", name="Edit profile").click()
    page.get_by_label("Given name (Latin script)").fill("Ana")
    page.get_by_label("Family name (Latin script)").fill("Silva")
    page.get_by_label("Date of birth").fill("2001-03-14")
    page.get_by_label("Nationality").fill("Portugal")
    page.get_by_label("University").fill("University of Lisbon")
    page.get_by_label("Degree level").select_option("master")
    page.get_by_label("Major").fill("Computer Science")
    page.get_by_label("Expected graduation").fill("2028-06-30")
    page.get_by_label("Phone").fill("+351 912 345 678")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")

    # Find the program in the catalog and apply.
    nav.get_by_role("link", name="Programs").click()
    page.get_by_role("link", name="International Summer School").first.click()
    page.get_by_role("link", name=re.compile(r"^Apply")).click()
    page.get_by_role("button", name="Start application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Motivation")
    page.get_by_label("Motivation statement").fill(STATEMENT)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")

    # Leave, then resume from the dashboard where the draft was left.
    nav.get_by_role("link", name="My applications").click()
    page.get_by_role("link", name="Continue application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")
    page.get_by_label("CV (PDF, up to 10 MB)").set_input_files(files["pdf"])
    page.get_by_label("Transcript (PDF, up to 10 MB)").set_input_files(files["pdf"])
    page.get_by_label("Photo (JPEG or PNG, up to 5 MB)").set_input_files(files["photo"])
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review and submit")
    page.get_by_role("button", name="Submit application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application submitted")

    application = Application.objects.get(applicant__email="ana.silva@example.org", intake=intake)
    assert re.fullmatch(r"[A-Z]+-\d{4}-\d{6}", application.reference)
    assert application.reference in mail.outbox[-1].body

    nav.get_by_role("link", name="My applications").click()
    card = page.get_by_role("article").filter(has_text="International Summer School")
    expect(card).to_contain_text(application.reference)
    expect(card).to_contain_text("Submitted")
