"""Managers email the applicants they select on the application list."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from applications.states import ApplicationState as S
from mail.models import EmailLog, EmailStatus
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.selection.factories import make_manager, make_reviewer, submitted_application

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:applications_application_changelist")
SHANGHAI = ZoneInfo("Asia/Shanghai")
MESSAGE = {
    "subject": "{program}: interview days",
    "body": "Dear {name},\n\nInterviews for {intake} are on June 3. Reply before {deadline}.",
}
CHINESE = {
    "subject_zh": "{program}：面试安排",
    "body_zh": "{name}，您好：\n\n{intake} 的面试在 6 月 3 日。请在 {deadline} 前回复。",
}


@pytest.fixture
def intake():
    return IntakeFactory(
        name="Summer 2027",
        program__title="ZIERIP",
    )


def applicant(given_name, language="en"):
    return StudentProfileFactory(
        given_name=given_name, family_name="Lin", user__language=language
    ).user


def offered(intake, student):
    return submitted_application(
        state=S.OFFERED,
        intake=intake,
        applicant=student,
        offer_reply_deadline=datetime(2027, 5, 1, 18, 0, tzinfo=SHANGHAI),
    )


@pytest.fixture
def selected(intake):
    """An English and a Chinese applicant, and a record whose student deleted the account."""
    return {
        "english": offered(intake, applicant("Ada")),
        "chinese": offered(intake, applicant("Mei", "zh-hans")),
        "anonymised": submitted_application(intake=intake, applicant=None, state=S.SHORTLISTED),
    }


def action(applications, **data):
    return {
        "action": "email_applicants",
        "_selected_action": [application.pk for application in applications],
        **data,
    }


def test_the_action_asks_for_the_message_then_sends_it_in_each_applicants_language(
    client, selected, mailoutbox, after_commit
):
    client.force_login(make_manager())

    page = client.post(CHANGELIST, action(selected.values()))
    assert page.status_code == 200
    assert "Write to the applicants of 3 applications:" in page.text
    for application in selected.values():
        assert f'name="_selected_action" value="{application.pk}"' in page.text

    with after_commit():
        done = client.post(
            CHANGELIST, action(selected.values(), send="Send", **MESSAGE, **CHINESE), follow=True
        )

    by_recipient = {message.to[0]: message for message in mailoutbox}
    english = by_recipient[selected["english"].applicant.email]
    assert english.subject == "ZIERIP: interview days"
    assert english.body == (
        "Dear Ada Lin,\n\nInterviews for Summer 2027 are on June 3. "
        "Reply before May 1, 2027, 6 p.m. (Asia/Shanghai)."
    )
    chinese = by_recipient[selected["chinese"].applicant.email]
    assert chinese.subject == "ZIERIP：面试安排"
    assert chinese.body.startswith("Mei Lin，您好：")
    assert "请在 2027年5月1日 18:00（Asia/Shanghai） 前回复。" in chinese.body
    assert len(mailoutbox) == 2
    assert "2 emails queued for sending." in done.text
    assert "1 application has no applicant any more (account deleted)." in done.text
    assert EmailLog.objects.filter(status=EmailStatus.SENT).count() == 2


def test_without_a_chinese_version_everyone_gets_the_english_one(
    client, selected, mailoutbox, after_commit
):
    client.force_login(make_manager())
    with after_commit():
        client.post(CHANGELIST, action([selected["chinese"]], send="Send", **MESSAGE))
    [message] = mailoutbox
    assert message.subject == "ZIERIP: interview days"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({**MESSAGE, "body": "Dear {nme},"}, "Unknown placeholder {nme}"),
        ({**MESSAGE, "subject": "Closing {program"}, "Braces must come in pairs"),
        ({"subject": "", "body": ""}, "This field is required."),
        (
            {**MESSAGE, "subject_zh": "面试"},
            "Give both a Chinese subject and a Chinese message, or neither.",
        ),
    ],
)
def test_a_bad_message_is_refused_with_the_reason_and_keeps_the_selection(
    client, selected, mailoutbox, data, error
):
    client.force_login(make_manager())

    response = client.post(CHANGELIST, action([selected["english"]], send="Send", **data))

    assert response.status_code == 400
    assert error in response.text
    assert f'name="_selected_action" value="{selected["english"].pk}"' in response.text
    assert 'name="body"' in response.text
    assert mailoutbox == []
    assert not EmailLog.objects.exists()


def test_a_mail_server_failure_leaves_the_email_failed_in_the_log_the_page_links(
    client, selected, settings, after_commit
):
    settings.EMAIL_BACKEND = "tests.selection.test_notifications.BrokenBackend"
    client.force_login(make_manager())

    with after_commit():
        done = client.post(
            CHANGELIST, action([selected["english"]], send="Send", **MESSAGE), follow=True
        )

    assert "1 email queued for sending." in done.text
    log_url = reverse("admin:mail_emaillog_changelist")
    assert f'<a href="{log_url}">The email log shows how sending went' in done.text
    assert EmailLog.objects.get().status == EmailStatus.FAILED


def test_reviewers_cannot_email_applicants(client, selected, mailoutbox):
    reviewer = make_reviewer()
    client.force_login(reviewer)
    listing = client.get(CHANGELIST)
    assert "email_applicants" not in listing.text
    client.post(CHANGELIST, action(selected.values(), send="Send", **MESSAGE))
    assert mailoutbox == []


def test_the_application_page_shows_when_reminders_went_out(client, intake):
    application = submitted_application(intake=intake, state=S.OFFERED)
    client.force_login(make_manager())
    page = client.get(reverse("admin:applications_application_change", args=[application.pk]))
    assert "Reminded to submit" in page.text
    assert "Reminded to reply to the offer" in page.text
