"""A student invites two referees; one uploads a letter through the emailed link, the other
is reminded and then replaced, and their old link stops working."""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from applications.models import RecommendationLetter
from tests.applications.factories import complete_application, intake_with_referees
from tests.factories import DEFAULT_PASSWORD, StudentProfileFactory

LINK = re.compile(r"http://\S+/applications/letters/\S+/")


def link_sent_to(address):
    """The letter link of the last email to `address`, on the live server."""
    [*_, message] = [m for m in mail.outbox if m.to == [address]]
    return LINK.search(message.body).group(0)


def name_referee(page, name, email, relationship):
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Institution").fill("Zhejiang University")
    page.get_by_label("Relationship to the applicant").fill(relationship)


def test_invite_two_referees_one_uploads_the_other_is_reminded_and_replaced(
    live_server, page, chromium, files, settings
):
    settings.SITE_URL = live_server.url
    student = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    application = complete_application(
        applicant=student, intake=intake_with_referees(2, program__title="ZIERIP")
    )
    step = reverse("applications:step_referees", kwargs={"pk": application.pk})

    page.goto(f"{live_server.url}{reverse('login')}?next={step}")
    page.get_by_label("Email address").fill(student.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referees")
    expect(page.get_by_text("Name 2 referees (0 named so far).")).to_be_visible()

    name_referee(page, "Prof. Li Hua", "li.hua@university.example.org", "Thesis supervisor")
    page.get_by_role("button", name="Invite referee").click()
    expect(page.get_by_text("We have emailed Prof. Li Hua a link for the letter.")).to_be_visible()
    name_referee(page, "Dr. Chen", "chen@alibaba.example.com", "Internship mentor")
    page.get_by_role("button", name="Invite referee").click()
    # Both named: the form moves on to the review.
    expect(page.get_by_role("heading", level=1)).to_have_text("Review and submit")

    # Prof. Li opens the link without an account and uploads a PDF.
    referee = chromium.new_context(locale="en-GB").new_page()
    referee.goto(link_sent_to("li.hua@university.example.org"))
    expect(referee.get_by_text("Mei Wang")).to_be_visible()
    expect(referee.get_by_text("ZIERIP")).to_be_visible()
    referee.get_by_label("Upload the letter (PDF, up to 10 MB)").set_input_files(files["pdf"])
    referee.get_by_role("button", name="Send the letter").click()
    expect(referee.get_by_text("Thank you. We received your letter")).to_be_visible()
    assert RecommendationLetter.objects.get().referee.name == "Prof. Li Hua"
    chen_link = link_sent_to("chen@alibaba.example.com")

    # The student sees the letter has arrived, reminds Dr. Chen once, then replaces them.
    page.goto(live_server.url + step)
    letters = page.locator("main li.border")
    expect(letters.filter(has_text="Prof. Li Hua")).to_contain_text("Received")
    expect(letters.filter(has_text="Dr. Chen")).to_contain_text("Invited")
    page.get_by_role("button", name="Remind Dr. Chen").click()
    expect(page.get_by_text("We have reminded Dr. Chen by email.")).to_be_visible()
    assert "Mei Wang asked us to remind you" in mail.outbox[-1].body
    page.get_by_role("button", name="Remind Dr. Chen").click()
    expect(page.get_by_text("you can send another reminder after")).to_be_visible()

    page.get_by_role("link", name="Replace Dr. Chen").click()
    name_referee(page, "Prof. Zhao", "zhao@university.example.org", "Course lecturer")
    page.get_by_role("button", name="Replace and invite").click()
    expect(page.get_by_text("Dr. Chen is replaced; we have emailed Prof. Zhao")).to_be_visible()
    expect(letters.filter(has_text="Dr. Chen")).to_contain_text("Replaced")
    assert link_sent_to("zhao@university.example.org") != chen_link

    referee.goto(chen_link)
    expect(referee.get_by_text("The applicant has withdrawn this request")).to_be_visible()
    expect(referee.get_by_text("Mei Wang")).to_have_count(0)
    referee.context.close()
