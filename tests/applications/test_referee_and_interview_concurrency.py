"""Races on referees' letters and interview slots still end with one winner.

PostgreSQL only, like test_concurrency.py: SQLite serialises every writer, so it cannot show
the races the row locks and the one-to-one constraints protect against.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from applications.interviews.services import SlotTaken, interview_book
from applications.models import Interview, RecommendationLetter, Referee
from applications.referees.services import RefereeError, letter_submit, referee_remind
from mail.models import EmailLog
from tests.applications.factories import InterviewSlotFactory, RefereeFactory, invited_to_interview
from tests.applications.test_concurrency import run_together

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL for real concurrent transactions; SQLite serialises writers",
    ),
]

LETTER = "The applicant was the most careful engineer in my group this year. " * 3


def test_two_students_racing_for_one_slot_make_one_booking(transactional_db):
    first = invited_to_interview()
    intake = first.application.intake
    second = invited_to_interview(intake=intake)
    slot = InterviewSlotFactory(intake=intake, starts_at=timezone.now() + timedelta(days=3))
    students = iter([first, second])

    def book():
        interview = next(students)
        return interview_book(
            interview=Interview.objects.get(pk=interview.pk),
            slot=slot,
            user=interview.application.applicant,
            time_zone="Europe/Berlin",
        ).pk

    results = run_together(book)

    errors = [r for r in results if isinstance(r, Exception)]
    winners = [r for r in results if not isinstance(r, Exception)]
    assert len(winners) == 1 and len(errors) == 1, results
    assert isinstance(errors[0], SlotTaken)
    assert Interview.objects.get(slot=slot).pk == winners[0]
    # Only the winner is emailed an invitation.
    assert EmailLog.objects.filter(subject__contains="is booked").count() == 1


def test_one_student_booking_two_slots_at_once_holds_one(transactional_db):
    interview = invited_to_interview()
    intake = interview.application.intake
    slots = iter(
        [
            InterviewSlotFactory(intake=intake, starts_at=timezone.now() + timedelta(days=3)),
            InterviewSlotFactory(intake=intake, starts_at=timezone.now() + timedelta(days=4)),
        ]
    )

    def book():
        return interview_book(
            interview=Interview.objects.get(pk=interview.pk),
            slot=next(slots),
            user=interview.application.applicant,
            time_zone="Asia/Shanghai",
        ).slot_id

    results = run_together(book)

    assert not [r for r in results if isinstance(r, Exception)], results
    interview.refresh_from_db()
    assert interview.slot_id in results
    assert Interview.objects.filter(slot__isnull=False).count() == 1


def test_two_letters_sent_at_once_by_one_referee_store_one(transactional_db):
    referee = RefereeFactory()

    results = run_together(
        lambda: (
            letter_submit(referee=Referee.objects.get(pk=referee.pk), language="en", text=LETTER).pk
        )
    )

    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], RefereeError), results
    assert RecommendationLetter.objects.count() == 1


def test_two_reminders_at_once_send_one_email(transactional_db):
    referee = RefereeFactory()
    student = referee.application.applicant

    results = run_together(
        lambda: referee_remind(referee=Referee.objects.get(pk=referee.pk), user=student)
    )

    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], RefereeError), results
    referee.refresh_from_db()
    assert referee.reminder_count == 1
    assert EmailLog.objects.filter(to=referee.email).count() == 1
