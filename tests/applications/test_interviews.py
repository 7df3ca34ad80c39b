"""The student's interview: book one free slot, get an .ics in their own time zone, change
it until the cut-off (the old slot is free again), and a reminder the day before."""

import json
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from icalendar import Calendar

from applications.interviews.calendar import interview_uid
from applications.models import InterviewSlot
from applications.services import application_set_state
from mail.models import EmailLog
from tests.applications.factories import InterviewSlotFactory, invited_to_interview
from tests.factories import DEFAULT_PASSWORD, IntakeFactory, StudentProfileFactory
from tests.selection.factories import make_manager

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture(autouse=True)
def _frozen_clock(time_machine, settings):
    time_machine.move_to(NOW, tick=False)
    settings.SITE_URL = "https://portal.example.org"


@pytest.fixture
def interview():
    applicant = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027", closes_at=NOW)
    return invited_to_interview(applicant=applicant, intake=intake)


def slot_at(interview, when, **kwargs):
    return InterviewSlotFactory(intake=interview.application.intake, starts_at=when, **kwargs)


@pytest.fixture
def student(client, interview):
    client.force_login(interview.application.applicant)
    client.cookies["tz"] = "Europe/Berlin"
    return interview.application.applicant


def page_url(interview):
    return reverse("applications:interview", kwargs={"pk": interview.application_id})


def book(client, after_commit, interview, slot):
    with after_commit():
        return client.post(page_url(interview), {"slot": slot.pk})


def calendar_of(message):
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("interview.ics", "text/calendar")
    return Calendar.from_ical(content)


def test_the_page_lists_free_slots_in_the_visitors_time_zone(client, student, interview):
    slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI))
    taken = slot_at(interview, datetime(2027, 3, 5, 17, 0, tzinfo=SHANGHAI))
    other = invited_to_interview(intake=interview.application.intake)
    other.slot = taken
    other.save()
    InterviewSlotFactory(
        intake=IntakeFactory(), starts_at=datetime(2027, 3, 5, 18, tzinfo=SHANGHAI)
    )

    page = client.get(page_url(interview)).text

    # 16:00 in Shanghai, listed under its day.
    assert "March 5, 2027</p>" in page and "9 a.m., 30 minutes, online" in page
    assert "10 a.m." not in page  # booked by someone else
    assert "11 a.m." not in page  # another intake's slot
    assert "Times are shown in your time zone, Europe/Berlin." in page


def test_booking_emails_an_ics_that_a_calendar_reads_in_the_students_zone(
    client, after_commit, student, interview, mailoutbox
):
    slot = slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI), room="")

    response = book(client, after_commit, interview, slot)

    assert response["Location"] == page_url(interview)
    interview.refresh_from_db()
    assert (interview.slot, interview.time_zone) == (slot, "Europe/Berlin")
    [message] = mailoutbox
    assert message.to == [student.email]
    assert message.subject == "Your interview for ZIERIP is booked"
    assert "When: March 5, 2027, 9 a.m. (Europe/Berlin), 30 minutes" in message.body
    assert "Online: https://meeting.example.org/room-42" in message.body
    assert "Interviewer: Rita Reviewer" in message.body
    [event] = calendar_of(message).walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == datetime(2027, 3, 5, 9, 0, tzinfo=BERLIN)
    assert start.tzinfo.key == "Europe/Berlin"
    assert event.decoded("dtend") - start == timedelta(minutes=30)
    assert str(event["uid"]) == interview_uid(interview)
    assert str(event["summary"]) == "Interview: ZIERIP"
    assert str(event["location"]) == "https://meeting.example.org/room-42"
    assert EmailLog.objects.get().about == interview
    page = client.get(page_url(interview)).text
    assert "Booked" in page and "March 5, 2027, 9 a.m." in page


def test_changing_the_slot_frees_the_old_one_and_updates_the_calendar_event(
    client, after_commit, student, interview, mailoutbox
):
    first = slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI))
    second = slot_at(interview, datetime(2027, 3, 6, 16, 0, tzinfo=SHANGHAI))
    book(client, after_commit, interview, first)

    book(client, after_commit, interview, second)

    interview.refresh_from_db()
    assert interview.slot == second
    assert list(InterviewSlot.objects.free()) == [first]
    moved = mailoutbox[-1]
    assert moved.subject == "Your interview for ZIERIP has moved"
    [event] = calendar_of(moved).walk("VEVENT")
    assert str(event["uid"]) == interview_uid(interview)
    assert event["sequence"] == 2
    assert "March 5" in client.get(page_url(interview)).text  # the freed slot is offered again


def test_a_slot_someone_else_booked_meanwhile_is_refused_clearly(
    client, after_commit, student, interview, mailoutbox
):
    slot = slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI))
    other = invited_to_interview(intake=interview.application.intake)
    other.slot = slot
    other.save()

    response = book(client, after_commit, interview, slot)

    assert response.status_code == 400
    assert "Someone else has just booked this slot. Please choose another one." in response.text
    interview.refresh_from_db()
    assert interview.slot is None and mailoutbox == []


def test_no_booking_or_change_after_the_cut_off(client, after_commit, student, interview):
    intake = interview.application.intake
    intake.interview_change_cutoff_hours = 24
    intake.save()
    soon = slot_at(interview, NOW + timedelta(hours=23))
    later = slot_at(interview, NOW + timedelta(hours=25))
    page = client.get(page_url(interview)).text
    assert "1 a.m., 30 minutes" not in page  # `soon`, 23 hours away (in Berlin time)
    assert "3 a.m., 30 minutes" in page  # `later`
    assert book(client, after_commit, interview, soon).status_code == 400

    book(client, after_commit, interview, later)
    interview.refresh_from_db()
    assert interview.slot == later


def test_the_booked_interview_is_fixed_once_its_cut_off_has_passed(
    client, after_commit, student, interview, time_machine
):
    booked = slot_at(interview, NOW + timedelta(days=2))
    other = slot_at(interview, NOW + timedelta(days=4))
    book(client, after_commit, interview, booked)
    time_machine.move_to(NOW + timedelta(days=1, hours=1), tick=False)

    page = client.get(page_url(interview)).text
    response = book(client, after_commit, interview, other)

    assert "The time can no longer be changed here." in page
    assert 'type="radio"' not in page
    assert "Your interview can no longer be changed here." in client.get(
        page_url(interview)
    ).text or (response.status_code == 302)
    interview.refresh_from_db()
    assert interview.slot == booked


def test_only_shortlisted_students_book(client, after_commit, student, interview):
    slot = slot_at(interview, NOW + timedelta(days=3))
    interview.application.state = "rejected"
    interview.application.save()
    assert 'type="radio"' not in client.get(page_url(interview)).text
    book(client, after_commit, interview, slot)
    interview.refresh_from_db()
    assert interview.slot is None


def test_the_page_is_only_for_invited_students_own_applications(client, student, interview):
    other = invited_to_interview()
    assert client.get(page_url(other)).status_code == 404
    not_invited = invited_to_interview(applicant=student)
    not_invited.delete()
    assert client.get(page_url(not_invited)).status_code == 404


def test_the_dashboard_links_to_the_interview(client, student, interview):
    page = client.get(reverse("applications:dashboard")).text
    assert "Book your interview" in page and page_url(interview) in page


def test_a_reminder_goes_the_day_before_and_again_after_a_change(
    client, after_commit, student, interview, mailoutbox, time_machine
):
    first = slot_at(interview, NOW + timedelta(days=2))
    second = slot_at(interview, NOW + timedelta(days=3))
    book(client, after_commit, interview, first)
    mailoutbox.clear()

    def send_reminders():
        out = StringIO()
        # The emails go once the run commits, as they do from the worker or cron.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("send_reminders", stdout=out)
        return out.getvalue().splitlines()[-1]

    assert send_reminders().endswith("and 0 interview reminder(s).")
    time_machine.move_to(NOW + timedelta(days=1, hours=1), tick=False)
    assert send_reminders().endswith("and 1 interview reminder(s).")
    assert send_reminders().endswith("and 0 interview reminder(s).")
    [message] = mailoutbox
    assert message.subject == "Reminder: your interview for ZIERIP"
    assert "When: March 3, 2027, 2 a.m. (Europe/Berlin), 30 minutes" in message.body

    interview.refresh_from_db()
    interview.slot = second
    interview.reminded_at = None  # as interview_book does on a change
    interview.save()
    time_machine.move_to(NOW + timedelta(days=2, hours=1), tick=False)
    assert send_reminders().endswith("and 1 interview reminder(s).")


def test_emails_follow_the_students_language(client, after_commit, student, interview, mailoutbox):
    student.language = "zh-hans"
    student.save()
    slot = slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI))
    book(client, after_commit, interview, slot)
    [message] = mailoutbox
    assert message.subject == "您的 ZIERIP 面试已预约"
    [event] = calendar_of(message).walk("VEVENT")
    assert str(event["summary"]) == "面试：ZIERIP"


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_query_count_does_not_grow_with_slots(
    client, student, interview, count, django_assert_max_num_queries
):
    for day in range(count):
        slot_at(interview, NOW + timedelta(days=3 + day))
    with django_assert_max_num_queries(10):
        response = client.get(page_url(interview))
    assert response.text.count('type="radio"') == count


def test_the_data_export_has_the_interview(client, after_commit, student, interview):
    slot = slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI))
    book(client, after_commit, interview, slot)
    data = json.loads(client.get(reverse("accounts:export_my_data")).content)
    exported = data["applications"][0]["interview"]
    assert exported["starts_at"] == "2027-03-05T08:00:00Z"
    assert (exported["length_minutes"], exported["time_zone"]) == (30, "Europe/Berlin")


def test_deleting_the_account_frees_a_slot_still_ahead(client, after_commit, student, interview):
    slot = slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI))
    book(client, after_commit, interview, slot)

    with after_commit():
        client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD})

    interview.refresh_from_db()
    assert interview.application.applicant is None
    assert (interview.slot, interview.time_zone) == (None, "")
    assert list(InterviewSlot.objects.free()) == [slot]


def test_withdrawing_frees_the_booked_slot_for_another_student(
    client, after_commit, student, interview
):
    slot = slot_at(interview, datetime(2027, 3, 5, 16, 0, tzinfo=SHANGHAI))
    book(client, after_commit, interview, slot)

    with after_commit():
        response = client.post(
            reverse("applications:withdraw", kwargs={"pk": interview.application_id}), follow=True
        )

    assert "Your application has been withdrawn." in response.text
    interview.refresh_from_db()
    assert (interview.slot, interview.booked_at) == (None, None)
    other = invited_to_interview(intake=interview.application.intake)
    client.force_login(other.application.applicant)
    assert "March 5" in client.get(page_url(other)).text


def test_a_decision_frees_a_slot_still_ahead_but_keeps_one_already_held(after_commit):
    manager = make_manager()
    ahead = invited_to_interview(intake=IntakeFactory(closes_at=NOW))
    held = invited_to_interview(intake=ahead.application.intake)
    for interview, starts_at in [
        (ahead, NOW + timedelta(days=3)),
        (held, NOW - timedelta(hours=2)),
    ]:
        interview.slot = slot_at(interview, starts_at)
        interview.booked_at = NOW - timedelta(days=5)
        interview.save()

    with after_commit():
        for interview in (ahead, held):
            application_set_state(
                application=interview.application, new_state="rejected", by=manager
            )

    ahead.refresh_from_db()
    held.refresh_from_db()
    assert ahead.slot is None
    assert held.slot is not None and held.slot.starts_at == NOW - timedelta(hours=2)
    assert [slot.starts_at for slot in InterviewSlot.objects.free()] == [NOW + timedelta(days=3)]
