"""A manager invites two shortlisted students and publishes slots; both students race for
the same slot: one wins, the other is told to choose another. The winner's .ics parses in a
calendar library, and the interviewer records a score.

The race here is two browsers one after the other, each having loaded the page before the
other booked; truly simultaneous bookings are tested on PostgreSQL with two threads
(tests/applications/test_referee_and_interview_concurrency.py).
"""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from applications.models import Interview, InterviewSlot
from selection.models import InterviewAssessment
from tests.browser.test_staff_workflow import log_in, log_out_of_admin
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.selection.factories import make_manager, make_reviewer, submitted_application


def student_page(chromium, live_server, student):
    """A browser of a student whose clock is on UTC, logged in on their interview page."""
    context = chromium.new_context(locale="en-GB", timezone_id="UTC")
    context.set_default_timeout(10_000)
    page = context.new_page()
    interview = reverse("applications:interview", kwargs={"pk": student.applications.get().pk})
    log_in(page, f"{live_server.url}/accounts/login/?next={interview}", student.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your interview")
    return page


def test_slots_published_two_students_race_the_winner_gets_an_ics_and_is_scored(
    live_server, page, chromium, settings
):
    settings.SITE_URL = live_server.url
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027")
    mei = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    li = StudentProfileFactory(given_name="Li", family_name="Na").user
    for student in [mei, li]:
        submitted_application(state="shortlisted", intake=intake, applicant=student)
    manager = make_manager()
    host = make_reviewer(first_name="Rita", last_name="Reviewer")
    admin = live_server.url + "/admin/"

    # The manager invites both and publishes two slots, Beijing time.
    log_in(page, admin, manager.email)
    page.goto(f"{admin}applications/application/?intake={intake.pk}")
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("invite_to_interview")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("2 applicant(s) invited")
    page.goto(live_server.url + reverse("admin:selection_intake_interviews", args=[intake.pk]))
    first_day = timezone.localtime() + timedelta(days=3)
    page.get_by_label("Interviewer").select_option(label=f"Rita Reviewer <{host.email}>")
    page.get_by_label("First slot starts").fill(first_day.strftime("%Y-%m-%dT10:00"))
    page.get_by_label("Number of slots").fill("2")
    page.get_by_label("Length of each, in minutes").fill("30")
    page.get_by_label("Break between slots, in minutes").fill("0")
    page.get_by_label("Online meeting link").fill("https://meeting.example.org/zierip")
    page.get_by_role("button", name="Publish slots").click()
    expect(page.locator(".messagelist")).to_contain_text("2 slot(s) published.")
    not_booked = page.locator("section", has=page.locator("#not-booked-heading"))
    expect(not_booked).to_contain_text("Mei Wang")
    expect(not_booked).to_contain_text("Li Na")
    first_slot, second_slot = InterviewSlot.objects.order_by("starts_at")

    # Both students have the page open; Mei books the first slot, then Li tries the same.
    mei_page = student_page(chromium, live_server, mei)
    li_page = student_page(chromium, live_server, li)
    expect(li_page.get_by_role("radio")).to_have_count(2)
    mei_page.get_by_role("radio").first.check()
    mei_page.get_by_role("button", name="Book this time").click()
    expect(mei_page.get_by_text("Your interview is booked for")).to_be_visible()
    li_page.get_by_role("radio").first.check()
    li_page.get_by_role("button", name="Book this time").click()
    expect(li_page.get_by_role("alert")).to_contain_text(
        "Someone else has just booked this slot. Please choose another one."
    )
    expect(li_page.get_by_role("radio")).to_have_count(1)
    li_page.get_by_role("radio").first.check()
    li_page.get_by_role("button", name="Book this time").click()
    expect(li_page.get_by_text("Your interview is booked for")).to_be_visible()
    assert Interview.objects.get(slot=first_slot).application.applicant == mei
    assert Interview.objects.get(slot=second_slot).application.applicant == li

    # Mei's invitation, in her own zone (UTC here, not the portal's Beijing time).
    [booked] = [m for m in mail.outbox if m.to == [mei.email] and "is booked" in m.subject]
    [(filename, ics, _mimetype)] = booked.attachments
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    start = event.decoded("dtstart")
    assert filename == "interview.ics"
    assert start == first_slot.starts_at and start.utcoffset() == timedelta(0)
    assert str(event["location"]) == "https://meeting.example.org/zierip"
    assert "(UTC), 30 minutes" in booked.body
    page.reload()
    expect(not_booked).to_contain_text("Everyone invited has booked a slot.")
    log_out_of_admin(page)

    # The interview has taken place; Rita records her score.
    InterviewSlot.objects.filter(pk=first_slot.pk).update(
        starts_at=timezone.now() - timedelta(hours=1)
    )
    log_in(page, admin, host.email)
    page.goto(admin + "applications/application/")
    page.get_by_role("link", name="My interviews").click()
    row = page.locator("tr", has_text="Mei Wang")
    row.get_by_role("link", name="Record the score").click()
    page.get_by_role("group", name="Score").get_by_label("4").check()
    page.get_by_label("Notes").fill("Explained her thesis clearly.")
    page.get_by_role("button", name="Save assessment").click()
    expect(page.locator(".messagelist")).to_contain_text("Your assessment of")
    expect(page.locator("tr", has_text="Mei Wang")).to_contain_text("4 — change")
    assessment = InterviewAssessment.objects.get()
    assert (assessment.score, assessment.interview.slot) == (4, first_slot)
    for other in [mei_page, li_page]:
        other.context.close()
