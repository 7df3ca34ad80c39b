"""From submitted to accepted: manager filters and assigns, reviewer scores, manager offers,
the student accepts on their dashboard."""

import re

from playwright.sync_api import expect

from tests.factories import DEFAULT_PASSWORD, IntakeFactory, StudentProfileFactory
from tests.selection.factories import (
    CriterionFactory,
    make_manager,
    make_reviewer,
    submitted_application,
)


def log_in(page, url, email):
    page.goto(url)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()


def log_out_of_admin(page):
    page.get_by_role("button", name="Log out").click()


def test_manager_assigns_reviewer_scores_manager_offers_student_accepts(live_server, page):
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027", capacity=1)
    CriterionFactory(intake=intake, name="Motivation")
    student = StudentProfileFactory().user
    application = submitted_application(intake=intake, applicant=student)
    submitted_application(intake=intake, state="rejected")
    manager = make_manager()
    reviewer = make_reviewer(first_name="Rita", last_name="Reviewer")
    admin = live_server.url + "/admin/"

    log_in(page, admin, manager.email)
    page.goto(admin + "applications/application/")
    filters = page.locator("#changelist-filter")
    filters.get_by_role("link", name="Submitted", exact=True).click()
    filters.get_by_role("link", name=str(intake)).click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("assign_reviewer")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Reviewer").select_option(label=f"Rita Reviewer <{reviewer.email}>")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".messagelist")).to_contain_text("now reviews 1 application.")
    log_out_of_admin(page)

    log_in(page, admin, reviewer.email)
    page.goto(admin + "applications/application/")
    page.get_by_role("link", name=application.reference).click()
    page.get_by_role("link", name="Write my review").click()
    page.get_by_role("group", name="Motivation").get_by_label("4").check()
    page.get_by_label("Comment").fill("Clear goals.")
    page.get_by_role("button", name="Save review").click()
    expect(page.locator(".messagelist")).to_contain_text("review of")
    log_out_of_admin(page)

    log_in(page, admin, manager.email)
    page.goto(admin + f"applications/application/{application.pk}/change/")
    expect(page.get_by_text("Clear goals.")).to_be_visible()
    page.get_by_role("button", name="Shortlist").click()
    page.get_by_role("button", name="Make an offer").click()
    expect(page.locator(".messagelist")).to_contain_text("is now “Offered a place”")
    log_out_of_admin(page)

    log_in(page, live_server.url + "/en/accounts/login/?next=/applications/", student.email)
    expect(page.locator(".badge", has_text="Offered a place")).to_be_visible()
    page.get_by_role("link", name="Reply to the offer").click()
    page.get_by_role("button", name="Accept the offer").click()
    expect(page.get_by_text("You have accepted the offer.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/en/applications/$"))
    application.refresh_from_db()
    assert application.state == "accepted"
