"""A student applies in the browser: start, upload real files, leave, resume, submit, withdraw."""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from applications.models import Application
from applications.states import ApplicationState
from tests.applications.factories import STATEMENT, complete_application
from tests.factories import DEFAULT_PASSWORD, IntakeFactory, StudentProfileFactory


def test_apply_leave_resume_submit_and_withdraw(live_server, page, files, transactional_db):
    user = StudentProfileFactory().user
    intake = IntakeFactory(requires_photo=True, program__title="ZIERIP Spring")
    other = complete_application(applicant=user, intake=IntakeFactory(program__title="Camp"))
    other.submit(by=user)

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # Start: the profile is complete, so the form opens at the motivation step.
    page.goto(live_server.url + reverse("applications:start", kwargs={"intake_id": intake.pk}))
    page.get_by_role("button", name="Start application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Motivation")
    statement = page.get_by_label("Motivation statement")
    statement.fill("Too short")
    expect(page.locator("#statement-counter")).to_contain_text("9 characters (minimum 300")
    statement.fill(STATEMENT)
    expect(page.locator("#statement-counter")).to_contain_text(f"{len(STATEMENT)} characters")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")

    # Leave, come back: the draft resumes at the documents, the statement is kept.
    page.get_by_role("link", name="Leave (your draft is kept)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My applications")
    page.get_by_role("link", name="Continue application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")

    page.get_by_label("CV (PDF, up to 10 MB)").set_input_files(files["pdf"])
    page.get_by_label("Transcript (PDF, up to 10 MB)").set_input_files(files["pdf"])
    page.get_by_label("Photo (JPEG or PNG, up to 5 MB)").set_input_files(files["photo"])
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Review and submit")
    expect(page.get_by_text(STATEMENT[:40])).to_be_visible()
    expect(page.get_by_role("link", name="me.png")).to_be_visible()
    page.get_by_role("button", name="Submit application").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Application submitted")
    application = Application.objects.get(applicant=user, intake=intake)
    expect(page.get_by_text(application.reference)).to_be_visible()
    assert any(application.reference in email.body for email in mail.outbox)

    page.get_by_role("link", name="Go to my applications").click()
    card = page.get_by_role("article").filter(has_text="ZIERIP Spring")
    expect(card).to_contain_text(application.reference)
    expect(card).to_contain_text("Submitted")

    # Withdraw the other application, after confirming.
    page.get_by_role("article").filter(has_text="Camp").get_by_role("link", name="Withdraw").click()
    expect(page).to_have_url(re.compile(rf"/en/applications/{other.pk}/withdraw/$"))
    page.get_by_role("button", name="Yes, withdraw").click()
    expect(page.get_by_text("Your application has been withdrawn.")).to_be_visible()
    other.refresh_from_db()
    assert other.state == ApplicationState.WITHDRAWN
