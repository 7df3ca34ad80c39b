"""Staff side of interviews: managers invite shortlisted applicants and publish slots in
bulk, see who has not booked; interviewers see their schedule and record a score and notes
that reviewers read."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.models import Interview, InterviewSlot
from selection.admin.interviews import SLOTS_PER_PAGE
from selection.models import InterviewAssessment
from tests.applications.factories import InterviewSlotFactory, interviewer, invited_to_interview
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.selection.factories import (
    CriterionFactory,
    assign,
    make_manager,
    make_reviewer,
    submitted_application,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:applications_application_changelist")
SCHEDULE = reverse("admin:selection_interview_schedule")


@pytest.fixture
def manager(client):
    user = make_manager()
    client.force_login(user)
    return user


def interviews_url(intake):
    return reverse("admin:selection_intake_interviews", args=[intake.pk])


def assessment_url(interview):
    return reverse("admin:selection_interview_assessment", args=[interview.pk])


def publish_data(host, **overrides):
    start = timezone.localtime() + timedelta(days=7)
    return {
        "interviewer": host.pk,
        "first_start": start.strftime("%Y-%m-%dT09:00"),
        "count": 3,
        "length_minutes": 20,
        "break_minutes": 10,
        "room": "Room 301, Software School, Ningbo",
        "online_url": "",
        **overrides,
    }


def test_managers_invite_shortlisted_applicants_and_they_are_emailed(
    client, manager, after_commit, mailoutbox
):
    intake = IntakeFactory(program__title="ZIERIP")
    shortlisted = submitted_application(state="shortlisted", intake=intake)
    submitted = submitted_application(intake=intake)

    with after_commit():
        response = client.post(
            CHANGELIST,
            {"action": "invite_to_interview", "_selected_action": [shortlisted.pk, submitted.pk]},
            follow=True,
        )

    assert "1 applicant(s) invited to book an interview." in response.text
    assert f"{submitted} was not invited: it is “Submitted”, not shortlisted" in response.text
    assert Interview.objects.get().application == shortlisted
    [message] = mailoutbox
    assert message.to == [shortlisted.applicant.email]
    assert message.subject == "Interview for ZIERIP: please book a time"
    assert f"/en/applications/{shortlisted.pk}/interview/" in message.body

    again = client.post(
        CHANGELIST,
        {"action": "invite_to_interview", "_selected_action": [shortlisted.pk]},
        follow=True,
    )
    assert "was not invited: it is invited already" in again.text


def test_a_manager_publishes_slots_in_bulk(client, manager):
    intake = IntakeFactory()
    host = interviewer(first_name="Wei", last_name="Zhang")

    response = client.post(interviews_url(intake), publish_data(host), follow=True)

    assert "3 slot(s) published." in response.text
    slots = list(InterviewSlot.objects.order_by("starts_at"))
    starts = [timezone.localtime(slot.starts_at).strftime("%H:%M") for slot in slots]
    assert starts == ["09:00", "09:30", "10:00"]
    assert {(s.intake, s.interviewer, s.length_minutes) for s in slots} == {(intake, host, 20)}
    assert response.text.count("Room 301, Software School, Ningbo") == 3


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"room": ""}, "Give a room or an online meeting link.", id="no-place"),
        pytest.param(
            {"first_start": "2020-01-01T09:00"},
            "The first slot must start in the future.",
            id="past",
        ),
        pytest.param({"count": 0}, "greater than or equal to 1", id="no-slots"),
        pytest.param({"online_url": "not a link"}, "Enter a valid URL.", id="bad-link"),
    ],
)
def test_bad_slots_are_refused_with_a_clear_error(client, manager, overrides, message):
    intake = IntakeFactory()
    response = client.post(interviews_url(intake), publish_data(interviewer(), **overrides))
    assert response.status_code == 400
    assert message in response.text
    assert "Room 301" in response.text or overrides.get("room") == ""
    assert not InterviewSlot.objects.exists()


def test_slots_that_clash_with_the_interviewers_own_are_refused(client, manager):
    intake = IntakeFactory()
    host = interviewer()
    data = publish_data(host)
    client.post(interviews_url(intake), data)
    response = client.post(interviews_url(intake), {**data, "count": 1})
    assert response.status_code == 400
    assert "already has a slot at" in response.text
    assert InterviewSlot.objects.count() == 3


def test_the_intake_page_shows_bookings_scores_and_who_has_not_booked(client, manager):
    intake = IntakeFactory()
    booked = invited_to_interview(
        intake=intake, applicant=StudentProfileFactory(given_name="Mei", family_name="Wang").user
    )
    booked.slot = InterviewSlotFactory(intake=intake)
    booked.save()
    InterviewAssessment.objects.create(interview=booked, score=4, notes="Clear answers.")
    waiting = invited_to_interview(
        intake=intake, applicant=StudentProfileFactory(given_name="Li", family_name="Na").user
    )
    InterviewSlotFactory(intake=intake, starts_at=timezone.now() + timedelta(days=5))

    page = client.get(interviews_url(intake)).text

    not_booked = page[page.index("Invited, not booked yet") : page.index('id="slots-heading"')]
    assert "Li Na" in not_booked and str(waiting.application) in not_booked
    assert "Mei Wang" not in not_booked
    slots = page[page.index('id="slots-heading"') : page.index('id="publish-heading"')]
    assert "Mei Wang" in slots and "free" in slots and ">4<" in slots


@pytest.mark.parametrize("count", [1, 3])
def test_the_intake_page_query_count_does_not_grow(
    client, manager, count, django_assert_max_num_queries
):
    intake = IntakeFactory()
    for day in range(count):
        interview = invited_to_interview(intake=intake)
        interview.slot = InterviewSlotFactory(
            intake=intake, starts_at=timezone.now() + timedelta(days=day + 2)
        )
        interview.save()
        InterviewAssessment.objects.create(interview=interview, score=3)
        invited_to_interview(intake=intake)
    with django_assert_max_num_queries(14):
        response = client.get(interviews_url(intake))
    assert response.status_code == 200


def test_the_intake_page_shows_a_thousand_slots_a_hundred_at_a_time(client, manager):
    intake = IntakeFactory()
    start, host = timezone.now() + timedelta(days=2), interviewer()
    InterviewSlot.objects.bulk_create(
        InterviewSlotFactory.build(
            intake=intake,
            interviewer=host,
            starts_at=start + timedelta(minutes=30 * number),
            room=f"Room {number:03}",
            online_url="",
        )
        for number in range(SLOTS_PER_PAGE + 20)
    )

    first = client.get(interviews_url(intake)).content.decode()
    last = client.get(interviews_url(intake) + "?page=2").content.decode()

    assert "Room 000" in first and f"Room {SLOTS_PER_PAGE - 1:03}" in first
    assert f"Room {SLOTS_PER_PAGE:03}" not in first and "Page 1 of 2" in first
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert f"Room {SLOTS_PER_PAGE:03}" in last and "Room 000" not in last
    assert f"Room {SLOTS_PER_PAGE + 19:03}" in last and 'rel="prev"' in last
    # A page number past the end shows the last page rather than an error.
    assert "Page 2 of 2" in client.get(interviews_url(intake) + "?page=9").content.decode()


def test_only_managers_see_an_intakes_interviews(client):
    client.force_login(make_reviewer())
    assert client.get(interviews_url(IntakeFactory())).status_code == 403


@pytest.fixture
def held():
    """An interview that began an hour ago, with Rita as the interviewer."""
    interview = invited_to_interview(
        applicant=StudentProfileFactory(given_name="Mei", family_name="Wang").user
    )
    interview.slot = InterviewSlotFactory(
        intake=interview.application.intake, starts_at=timezone.now() - timedelta(hours=1)
    )
    interview.save()
    return interview


def test_the_interviewer_sees_their_schedule_and_records_a_score(client, held):
    host = held.slot.interviewer
    InterviewSlotFactory(interviewer=make_reviewer(), room="Not mine", online_url="")
    client.force_login(host)

    schedule = client.get(SCHEDULE).text
    assert "Mei Wang" in schedule and "Not mine" not in schedule
    assert assessment_url(held) in schedule
    upcoming = invited_to_interview()
    upcoming.slot = InterviewSlotFactory(intake=upcoming.application.intake, interviewer=host)
    upcoming.save()
    assert assessment_url(upcoming) not in client.get(SCHEDULE).text  # not held yet

    response = client.post(
        assessment_url(held), {"score": "4", "notes": "Knows her distributed systems."}, follow=True
    )

    assert f"Your assessment of {held.application} is saved." in response.text
    assessment = InterviewAssessment.objects.get()
    assert (assessment.score, assessment.recorded_by) == (4, host)
    assert "4 — change" in client.get(SCHEDULE).text


def test_a_score_is_recorded_only_after_the_interview_began(client, held):
    held.slot.starts_at = timezone.now() + timedelta(hours=2)
    held.slot.save()
    client.force_login(held.slot.interviewer)
    response = client.post(assessment_url(held), {"score": "4"})
    assert response.status_code == 400
    assert "The interview has not taken place yet." in response.text
    assert not InterviewAssessment.objects.exists()


def test_a_score_needs_a_choice(client, held):
    client.force_login(held.slot.interviewer)
    response = client.post(assessment_url(held), {"notes": "Forgot the score"})
    assert response.status_code == 400
    assert "Forgot the score" in response.text


def test_only_the_interviewer_records_the_score(client, held):
    for other in [make_reviewer(), make_manager()]:
        client.force_login(other)
        assert client.post(assessment_url(held), {"score": "5"}).status_code == 403
    client.force_login(held.application.applicant)
    assert client.get(assessment_url(held)).status_code == 302  # to the admin login
    assert not InterviewAssessment.objects.exists()


@pytest.mark.parametrize("count", [1, 3])
def test_the_schedule_query_count_does_not_grow(client, count, django_assert_max_num_queries):
    host = interviewer()
    for day in range(count):
        interview = invited_to_interview()
        interview.slot = InterviewSlotFactory(
            intake=interview.application.intake,
            interviewer=host,
            starts_at=timezone.now() - timedelta(hours=day + 1),
        )
        interview.save()
    client.force_login(host)
    with django_assert_max_num_queries(8):
        response = client.get(SCHEDULE)
    assert response.text.count("Record the score") == count


def test_reviewers_read_the_interview_with_the_application(client, held):
    InterviewAssessment.objects.create(
        interview=held, score=4, notes="Clear answers.", recorded_by=held.slot.interviewer
    )
    application = held.application
    CriterionFactory(intake=application.intake)
    reviewer = make_reviewer()
    assign(application, reviewer)
    client.force_login(reviewer)

    page = client.get(reverse("admin:applications_application_change", args=[application.pk]))
    review = client.get(reverse("admin:applications_application_review", args=[application.pk]))

    assert "Clear answers." in page.text and "Rita Reviewer" in page.text
    assert "Interview: 4 of 5, by Rita Reviewer. Clear answers." in review.text


def test_the_publish_form_says_times_are_in_beijing_time(client, manager):
    page = client.get(interviews_url(IntakeFactory())).text
    assert "In Asia/Shanghai time." in page
