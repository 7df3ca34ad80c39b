"""What an intake asks of referees and interviews: set in admin, shown on the program page."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from tests.factories import IntakeFactory

pytestmark = pytest.mark.django_db


def test_an_intake_asking_for_letters_must_say_when_they_are_due():
    intake = IntakeFactory.build(referees_required=2, letters_due_at=None)
    with pytest.raises(ValidationError) as refused:
        intake.clean()
    assert refused.value.message_dict == {
        "letters_due_at": ["Say by when the referees' letters are due."]
    }


def test_an_intake_asks_for_at_most_three_letters():
    intake = IntakeFactory.build(referees_required=4, letters_due_at=timezone.now())
    with pytest.raises(ValidationError) as refused:
        intake.full_clean(exclude=["program"])
    assert "referees_required" in refused.value.message_dict
    with pytest.raises(IntegrityError):
        IntakeFactory(referees_required=4, letters_due_at=timezone.now())


def test_letters_are_accepted_until_they_are_due():
    due = timezone.now() + timedelta(days=3)
    intake = IntakeFactory(referees_required=1, letters_due_at=due)
    assert intake.accepts_letters(due - timedelta(seconds=1))
    assert not intake.accepts_letters(due)
    assert not IntakeFactory().accepts_letters()


def test_the_program_page_says_how_many_letters_and_by_when(client):
    intake = IntakeFactory(
        referees_required=2, letters_due_at=timezone.now().replace(2030, 5, 1, 4, 0)
    )
    page = client.get(intake.program.get_absolute_url()).text
    assert "2 letters, due by 1 May 2030, 12:00" in page
