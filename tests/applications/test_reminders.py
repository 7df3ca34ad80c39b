"""Reminders sent by `manage.py send_reminders`: drafts before the deadline, offers before
the reply deadline; each once, and never to the wrong students."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from applications import tasks
from applications.reminders import REMINDERS
from applications.states import ApplicationState as S
from mail.models import EmailLog, EmailStatus
from tests.applications.factories import ApplicationFactory, complete_application
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.programs.factories import ClosedIntakeFactory
from tests.selection.factories import submitted_application

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
# The command's second line, about referees and interviews (test_letter_reminders.py,
# test_interviews.py).
NO_LETTERS = "Sent 0 letter reminder(s) to referees and 0 interview reminder(s).\n"
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture(autouse=True)
def _frozen_clock(time_machine, settings):
    time_machine.move_to(NOW, tick=False)
    settings.SITE_URL = "https://portal.example.org"


def send_reminders():
    out = StringIO()
    # The emails go once the run commits, as they do from the worker or cron.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", stdout=out)
    return out.getvalue()


def intake_closing_in(delta, **kwargs):
    return IntakeFactory(
        program__title="ZIERIP",
        name="Summer 2027",
        opens_at=NOW - timedelta(days=30),
        closes_at=NOW + delta,
        **kwargs,
    )


def offered(offer_deadline_in, state=S.OFFERED):
    intake = IntakeFactory(
        program__title="ZIERIP",
        name="Summer 2027",
        opens_at=NOW - timedelta(days=60),
        closes_at=NOW - timedelta(days=30),
    )
    return submitted_application(
        state=state, intake=intake, offer_reply_deadline=NOW + offer_deadline_in
    )


def test_a_draft_is_reminded_once_with_what_is_missing_and_a_link(mailoutbox):
    applicant = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    draft = ApplicationFactory(
        applicant=applicant, intake=intake_closing_in(timedelta(days=2, hours=3))
    )

    assert send_reminders() == "Sent 1 draft reminder(s) and 0 offer reminder(s).\n" + NO_LETTERS

    [message] = mailoutbox
    assert message.to == [applicant.email]
    assert message.subject == "Your application to ZIERIP is not submitted yet"
    body = message.body
    assert body.startswith("Dear Mei Wang,\n\nYou started an application to ZIERIP (Summer 2027)")
    assert "Applications close on March 3, 2027, noon (Asia/Shanghai)." in body
    assert (
        "Still missing:\n- Write your motivation statement.\n- Upload your CV.\n"
        "- Upload your transcript.\n"
    ) in body
    url = "https://portal.example.org" + reverse("applications:detail", args=[draft.pk])
    assert f"Continue your application: {url}" in body
    log = EmailLog.objects.get()
    assert (log.about, log.status) == (draft, EmailStatus.SENT)

    assert send_reminders() == "Sent 0 draft reminder(s) and 0 offer reminder(s).\n" + NO_LETTERS
    assert len(mailoutbox) == 1


def test_a_complete_draft_is_reminded_without_a_missing_list(mailoutbox):
    complete_application(intake=intake_closing_in(timedelta(days=1)))
    send_reminders()
    [message] = mailoutbox
    assert "Still missing" not in message.body
    assert "have not submitted it yet" in message.body


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(
            lambda: ApplicationFactory(intake=intake_closing_in(timedelta(days=4))),
            id="deadline-far",
        ),
        pytest.param(lambda: ApplicationFactory(intake=ClosedIntakeFactory()), id="closed"),
        pytest.param(
            lambda: submitted_application(intake=intake_closing_in(timedelta(days=1))),
            id="submitted",
        ),
        pytest.param(
            lambda: ApplicationFactory(
                intake=intake_closing_in(timedelta(days=1)), state=S.WITHDRAWN
            ),
            id="withdrawn",
        ),
        pytest.param(
            lambda: submitted_application(
                intake=intake_closing_in(timedelta(days=1)), applicant=None, state=S.SUBMITTED
            ),
            id="anonymised",
        ),
        pytest.param(
            lambda: ApplicationFactory(
                intake=intake_closing_in(timedelta(days=1)),
                applicant=StudentProfileFactory(user__is_active=False).user,
            ),
            id="inactive-account",
        ),
        pytest.param(lambda: offered(timedelta(days=3)), id="offer-deadline-far"),
        pytest.param(lambda: offered(-timedelta(hours=1)), id="offer-deadline-passed"),
        pytest.param(lambda: offered(timedelta(days=1), state=S.ACCEPTED), id="offer-accepted"),
    ],
)
def test_no_reminder_when_none_is_due(mailoutbox, make):
    make()
    assert send_reminders() == "Sent 0 draft reminder(s) and 0 offer reminder(s).\n" + NO_LETTERS
    assert mailoutbox == []


def test_an_open_offer_is_reminded_once_before_the_reply_deadline(mailoutbox):
    application = offered(timedelta(days=1, hours=9))

    assert send_reminders() == "Sent 0 draft reminder(s) and 1 offer reminder(s).\n" + NO_LETTERS
    send_reminders()

    [message] = mailoutbox
    assert message.subject == "Please reply to your offer for ZIERIP"
    assert "offered a place in ZIERIP (Summer 2027) and have not replied yet" in message.body
    assert "before March 2, 2027, 6 p.m. (Asia/Shanghai)" in message.body
    assert f"Reference: {application.reference}" in message.body
    url = "https://portal.example.org" + reverse("applications:detail", args=[application.pk])
    assert f"Reply to the offer: {url}" in message.body


def test_a_failed_send_is_logged_for_a_retry_and_not_repeated(settings, mailoutbox):
    ApplicationFactory(intake=intake_closing_in(timedelta(days=1)))
    settings.EMAIL_BACKEND = "tests.selection.test_notifications.BrokenBackend"

    send_reminders()
    send_reminders()

    log = EmailLog.objects.get()
    assert log.status == EmailStatus.FAILED
    assert "mail server down" in log.error


def test_of_two_runs_at_once_only_one_claims_an_application():
    draft = ApplicationFactory(intake=intake_closing_in(timedelta(days=1)))
    [reminder] = [r for r in REMINDERS if r.name == "draft"]
    assert [a.pk for a in reminder.due(NOW)] == [draft.pk]
    assert reminder.claim(draft, NOW) is True
    assert reminder.claim(draft, NOW) is False
    assert list(reminder.due(NOW)) == []


def test_reminders_are_in_the_language_the_student_chose(mailoutbox):
    applicant = StudentProfileFactory(user__language="zh-hans").user
    ApplicationFactory(applicant=applicant, intake=intake_closing_in(timedelta(days=1)))
    offered(timedelta(days=1))  # another student, English by default, with an offer

    send_reminders()

    by_recipient = {message.to[0]: message for message in mailoutbox}
    chinese = by_recipient.pop(applicant.email)
    assert chinese.subject == "您对 ZIERIP 的申请尚未提交"
    assert "申请将于 2027年3月2日" in chinese.body
    assert "尚缺：\n- 请撰写个人陈述。\n- 请上传简历。\n- 请上传成绩单。\n" in chinese.body
    [english] = by_recipient.values()
    assert english.subject == "Please reply to your offer for ZIERIP"


def test_a_reminder_from_the_worker_links_to_the_page_in_the_students_language(mailoutbox):
    """Beat's task runs outside any request: the link carries the student's language prefix,
    and the program is named in that language, whatever language the worker runs in."""
    applicant = StudentProfileFactory(user__language="zh-hans").user
    draft = ApplicationFactory(
        applicant=applicant,
        intake=intake_closing_in(timedelta(days=1), program__title_zh_hans="国际企业研究实习"),
    )

    with TestCase.captureOnCommitCallbacks(execute=True):
        tasks.send_reminders.delay()

    [message] = mailoutbox
    assert message.subject == "您对 国际企业研究实习 的申请尚未提交"
    assert f"https://portal.example.org/zh-hans/applications/{draft.pk}/" in message.body
    assert "/en/" not in message.body
