"""Referees whose letter has not arrived are reminded once, before the letters are due."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import TestCase

from applications.states import ApplicationState as S
from mail.models import EmailLog
from tests.applications.factories import ApplicationFactory, RefereeFactory, received_letter
from tests.factories import IntakeFactory, StudentProfileFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def _frozen_clock(time_machine, settings):
    time_machine.move_to(NOW, tick=False)
    settings.SITE_URL = "https://portal.example.org"


def send_reminders():
    out = StringIO()
    # The emails go once the run commits, as they do from the worker or cron.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", stdout=out)
    return out.getvalue().splitlines()[-1]


def sent(letters):
    return f"Sent {letters} letter reminder(s) to referees and 0 interview reminder(s)."


def referee_of(letters_due_in, state=S.DRAFT, **kwargs):
    intake = IntakeFactory(
        program__title="ZIERIP",
        name="Summer 2027",
        opens_at=NOW - timedelta(days=30),
        closes_at=NOW + timedelta(days=10),
        referees_required=2,
        letters_due_at=NOW + letters_due_in,
    )
    applicant = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    application = ApplicationFactory(applicant=applicant, intake=intake, state=state)
    return RefereeFactory(application=application, **kwargs)


def test_a_referee_without_a_letter_is_reminded_once_before_the_deadline(mailoutbox):
    referee = referee_of(timedelta(days=2), name="Prof. Li Hua")

    assert send_reminders() == sent(1)
    assert send_reminders() == sent(0)

    [message] = mailoutbox
    assert message.to == [referee.email]
    assert message.subject == "Reminder: recommendation letter for Mei Wang: ZIERIP"
    assert "are due soon, and we have not received yours for Mei Wang yet" in message.body
    assert "before March 3, 2027, 9 a.m. (Asia/Shanghai)" in message.body
    assert "https://portal.example.org/en/applications/letters/" in message.body
    assert EmailLog.objects.get().about == referee


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: referee_of(timedelta(days=4)), id="deadline-far"),
        pytest.param(lambda: referee_of(-timedelta(hours=1)), id="deadline-passed"),
        pytest.param(lambda: referee_of(timedelta(days=1), replaced_at=NOW), id="replaced"),
        pytest.param(
            lambda: received_letter(referee_of(timedelta(days=1)), text="x" * 200),
            id="letter-received",
        ),
        pytest.param(lambda: referee_of(timedelta(days=1), state=S.WITHDRAWN), id="withdrawn"),
        pytest.param(lambda: referee_of(timedelta(days=1), state=S.REJECTED), id="rejected"),
    ],
)
def test_no_reminder_when_none_is_due(mailoutbox, make):
    make()
    assert send_reminders() == sent(0)
    assert mailoutbox == []


def test_the_reminder_is_in_the_language_the_student_chose_for_the_referee(mailoutbox):
    referee_of(timedelta(days=1), language="zh-hans", name="李华")
    send_reminders()
    [message] = mailoutbox
    assert "尊敬的 李华：" in message.body
