"""The intake status rule: one comparison, in the queryset and on the model alike."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from programs.models import Intake, IntakeStatus
from tests.factories import IntakeFactory

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
OPENS = datetime(2027, 3, 1, 9, 0, tzinfo=SHANGHAI)
CLOSES = datetime(2027, 4, 30, 23, 59, tzinfo=SHANGHAI)
SECOND = timedelta(seconds=1)


@pytest.fixture
def intake():
    return IntakeFactory(opens_at=OPENS, closes_at=CLOSES)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - SECOND, IntakeStatus.UPCOMING),
        (OPENS, IntakeStatus.OPEN),
        (CLOSES - timedelta(days=7) - SECOND, IntakeStatus.OPEN),
        (CLOSES - timedelta(days=7), IntakeStatus.CLOSING_SOON),
        (CLOSES - SECOND, IntakeStatus.CLOSING_SOON),
        (CLOSES, IntakeStatus.CLOSED),
        # The same instant written in another zone is the same instant.
        (CLOSES.astimezone(ZoneInfo("America/New_York")), IntakeStatus.CLOSED),
        ((CLOSES - SECOND).astimezone(ZoneInfo("UTC")), IntakeStatus.CLOSING_SOON),
    ],
)
def test_status_at_the_boundaries(intake, now, expected):
    assert intake.status_at(now) == expected
    assert Intake.objects.with_status(now).get(pk=intake.pk).current_status == expected
    is_open = expected in (IntakeStatus.OPEN, IntakeStatus.CLOSING_SOON)
    assert Intake.objects.open(now).filter(pk=intake.pk).exists() is is_open
    assert Intake.objects.upcoming(now).filter(pk=intake.pk).exists() is (
        expected == IntakeStatus.UPCOMING
    )
    assert Intake.objects.closed(now).filter(pk=intake.pk).exists() is (
        expected == IntakeStatus.CLOSED
    )
    assert Intake.objects.closing_soon(now).filter(pk=intake.pk).exists() is (
        expected == IntakeStatus.CLOSING_SOON
    )


def test_an_intake_cannot_close_before_it_opens(intake):
    from django.core.exceptions import ValidationError

    intake.closes_at = intake.opens_at
    with pytest.raises(ValidationError) as excinfo:
        intake.full_clean()
    assert "closes_at" in excinfo.value.message_dict
