"""Decision emails: texts managers edit, sent only after commit, failures kept for a retry."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from applications.emails import decision_template
from applications.models import EmailTemplate
from applications.placeholders import placeholder_values
from applications.states import DECISION_STATES, ApplicationState
from mail.models import EmailLog, EmailStatus
from selection.services import application_decide, review_assign
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.selection.factories import make_manager, make_reviewer, submitted_application

pytestmark = pytest.mark.django_db

S = ApplicationState
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def offers_made_two_weeks_before_may_1():
    """Offers made now have the intake's 14 days to reply: until May 1, 2027, 6 p.m."""
    with time_machine.travel(datetime(2027, 4, 17, 18, 0, tzinfo=SHANGHAI), tick=False):
        yield


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def shortlisted_application(language="en", **intake):
    intake = IntakeFactory(
        **{
            "name": "Summer 2027",
            "program__title": "ZIERIP",
            "offer_reply_days": 14,
            **intake,
        }
    )
    applicant = StudentProfileFactory(
        given_name="Mei", family_name="Wang", user__language=language
    ).user
    return submitted_application(state=S.SHORTLISTED, intake=intake, applicant=applicant)


@pytest.fixture
def offered_setup():
    return shortlisted_application(), make_manager()


def test_offer_email_is_rendered_from_the_seeded_template(
    offered_setup, django_capture_on_commit_callbacks
):
    application, manager = offered_setup

    with django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="offer", by=manager)

    message = mail.outbox[-1]
    assert message.to == [application.applicant.email]
    assert message.subject == "Offer of a place: ZIERIP (Summer 2027)"
    assert "Dear Mei Wang," in message.body
    assert "offer you a place in ZIERIP (Summer 2027)" in message.body
    assert "May 1, 2027, 6 p.m. (Asia/Shanghai)" in message.body
    assert f"Reference: {application.reference}" in message.body
    log = EmailLog.objects.get()
    assert (log.status, log.about, log.subject) == (
        EmailStatus.SENT,
        application,
        message.subject,
    )


def test_a_template_edited_in_admin_is_used_for_the_next_email(
    client, django_capture_on_commit_callbacks
):
    application = submitted_application(state=S.UNDER_REVIEW)
    manager = make_manager()
    template = EmailTemplate.objects.get(state=S.REJECTED, language="en")
    client.force_login(manager)

    client.post(
        reverse("admin:applications_emailtemplate_change", args=[template.pk]),
        {"subject": "About {reference}", "body": "Sorry {name}, {program} is full."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="reject", by=manager)

    assert mail.outbox[-1].subject == f"About {application.reference}"
    assert mail.outbox[-1].body.startswith("Sorry ")


@pytest.mark.parametrize(
    ("body", "error"),
    [("Dear {first_name}", "Unknown placeholder {first_name}"), ("Dear {name", "Braces")],
)
def test_a_template_with_an_unknown_placeholder_is_refused_and_kept(client, body, error):
    template = EmailTemplate.objects.get(state=S.OFFERED, language="en")
    before = template.body
    client.force_login(make_manager())

    response = client.post(
        reverse("admin:applications_emailtemplate_change", args=[template.pk]),
        {"subject": "Offer", "body": body},
    )

    assert response.status_code == 200
    assert error in response.text
    template.refresh_from_db()
    assert template.body == before


def test_nothing_is_sent_before_the_commit(offered_setup, django_capture_on_commit_callbacks):
    application, manager = offered_setup

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        application_decide(application=application, decision="offer", by=manager)
        assert mail.outbox == []

    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_nothing_is_sent_when_the_transaction_rolls_back(
    offered_setup, django_capture_on_commit_callbacks
):
    application, manager = offered_setup

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        application_decide(application=application, decision="offer", by=manager)
        raise RuntimeError("something after the decision failed")

    assert callbacks == []
    assert mail.outbox == []
    application.refresh_from_db()
    assert application.state == S.SHORTLISTED


def test_a_failed_email_is_recorded_keeps_the_decision_and_can_be_retried(
    offered_setup, settings, client, django_capture_on_commit_callbacks
):
    application, manager = offered_setup
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"

    with django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="offer", by=manager)

    application.refresh_from_db()
    assert application.state == S.OFFERED
    log = EmailLog.objects.get()
    assert log.status == EmailStatus.FAILED
    assert "mail server down" in log.error
    client.force_login(manager)
    listing = client.get(reverse("admin:mail_emaillog_changelist"), {"status": "failed"})
    assert "mail server down" in listing.text

    with django_capture_on_commit_callbacks(execute=True):
        still_down = client.post(
            reverse("admin:mail_emaillog_changelist"),
            {"action": "retry", "_selected_action": [log.pk]},
            follow=True,
        )
    assert "1 email queued to be sent again; its status shows how it went." in still_down.text
    log.refresh_from_db()
    assert (log.status, log.attempts) == (EmailStatus.FAILED, 2)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:mail_emaillog_changelist"),
            {"action": "retry", "_selected_action": [log.pk]},
        )

    log.refresh_from_db()
    assert (log.status, log.attempts, log.error) == (EmailStatus.SENT, 3, "")
    assert mail.outbox[-1].subject == log.subject


# The applicant's language -------------------------------------------------------------------------


def offer_from_the_admin(client, application, manager_language):
    """A manager whose admin is in `manager_language` (their own choice) offers a place."""
    client.force_login(make_manager(language=manager_language))
    response = client.post(
        reverse("admin:applications_application_decide", args=[application.pk]),
        {"decision": "offer"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == S.OFFERED


def test_an_english_manager_offers_a_chinese_applicant_a_place_in_chinese(
    client, django_capture_on_commit_callbacks
):
    application = shortlisted_application(language="zh-hans")

    with django_capture_on_commit_callbacks(execute=True):
        offer_from_the_admin(client, application, "en")

    message = mail.outbox[-1]
    assert message.to == [application.applicant.email]
    assert message.subject == "录取通知：ZIERIP（Summer 2027）"
    assert message.body.startswith("尊敬的 Mei Wang：")
    assert "您已被 ZIERIP（Summer 2027）录取" in message.body
    assert "请于 2027年5月1日 18:00（Asia/Shanghai） 前登录门户网站" in message.body
    assert f"申请编号：{application.reference}" in message.body
    assert message.body.endswith("浙江大学软件学院 · 浙大–阿里巴巴联合培养")
    assert "May" not in message.body and "Offer" not in message.body
    assert EmailLog.objects.get().subject == message.subject


def test_a_chinese_manager_offers_an_english_applicant_a_place_in_english(
    client, django_capture_on_commit_callbacks
):
    application = shortlisted_application(language="en")

    with django_capture_on_commit_callbacks(execute=True):
        offer_from_the_admin(client, application, "zh-hans")

    message = mail.outbox[-1]
    assert message.subject == "Offer of a place: ZIERIP (Summer 2027)"
    assert "before May 1, 2027, 6 p.m. (Asia/Shanghai)." in message.body
    assert "年" not in message.body


def test_without_an_offer_the_deadline_placeholder_says_where_to_look_in_each_language():
    application = shortlisted_application(language="zh-hans")

    with translation.override("zh-hans"):
        assert placeholder_values(application)["deadline"] == "门户网站上显示的截止时间"
    with translation.override("en"):
        assert placeholder_values(application)["deadline"] == "the deadline shown on the portal"


def test_an_applicant_whose_language_has_no_template_gets_the_english_one(
    django_capture_on_commit_callbacks,
):
    EmailTemplate.objects.filter(state=S.OFFERED, language="zh-hans").delete()
    application = shortlisted_application(language="zh-hans")

    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="offer", by=make_manager())

    message = mail.outbox[-1]
    assert message.subject == "Offer of a place: ZIERIP (Summer 2027)"
    # The values match the email they are in: an English date in the English text.
    assert "before May 1, 2027, 6 p.m. (Asia/Shanghai)." in message.body


def test_without_any_template_the_generic_email_is_in_the_applicants_language(
    django_capture_on_commit_callbacks,
):
    EmailTemplate.objects.filter(state=S.REJECTED).delete()
    application = shortlisted_application(language="zh-hans")

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="reject", by=make_manager())

    assert mail.outbox[-1].subject == "您对 ZIERIP 的申请：未录取"
    assert "的申请状态已更新为：未录取。" in mail.outbox[-1].body


def test_assigning_a_reviewer_tells_the_applicant_in_their_language(
    django_capture_on_commit_callbacks,
):
    application = submitted_application(
        applicant=StudentProfileFactory(user__language="zh-hans").user
    )

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        review_assign(applications=[application], reviewer=make_reviewer(), by=make_manager())

    assert mail.outbox[-1].subject.endswith("：评审中")


def test_a_chinese_applicant_reads_the_programs_chinese_title(
    django_capture_on_commit_callbacks,
):
    application = shortlisted_application(
        language="zh-hans", program__title_zh_hans="国际企业研究实习"
    )

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="offer", by=make_manager())

    message = mail.outbox[-1]
    assert message.subject == "录取通知：国际企业研究实习（Summer 2027）"
    assert "您已被 国际企业研究实习（Summer 2027）录取" in message.body
    assert "ZIERIP" not in message.body.replace(application.reference, "")


def test_an_english_applicant_reads_the_english_title_despite_a_chinese_one(
    django_capture_on_commit_callbacks,
):
    application = shortlisted_application(language="en", program__title_zh_hans="国际企业研究实习")

    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="offer", by=make_manager())

    assert mail.outbox[-1].subject == "Offer of a place: ZIERIP (Summer 2027)"


def test_the_generic_state_email_names_the_chinese_title(django_capture_on_commit_callbacks):
    EmailTemplate.objects.filter(state=S.REJECTED).delete()
    application = shortlisted_application(
        language="zh-hans", program__title_zh_hans="国际企业研究实习"
    )

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="reject", by=make_manager())

    assert mail.outbox[-1].subject == "您对 国际企业研究实习 的申请：未录取"
    assert "国际企业研究实习（Summer 2027）的申请状态已更新为：未录取。" in mail.outbox[-1].body


@pytest.mark.parametrize(
    ("language", "expected"), [("zh-hans", "zh-hans"), ("en", "en"), ("fr", "en")]
)
def test_decision_template_is_the_applicants_language_else_english(language, expected):
    assert decision_template(S.WAITLISTED, language).language == expected


def test_decision_template_is_none_without_a_template_for_the_decision():
    EmailTemplate.objects.filter(state=S.WAITLISTED, language="en").delete()
    assert decision_template(S.WAITLISTED, "zh-hans").language == "zh-hans"
    assert decision_template(S.WAITLISTED, "en") is None


# One template per decision and language -----------------------------------------------------------


def test_every_decision_has_a_template_in_each_language_and_only_one():
    assert sorted(EmailTemplate.objects.values_list("state", "language")) == sorted(
        (state, language) for state in DECISION_STATES for language, _name in settings.LANGUAGES
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        EmailTemplate.objects.create(state=S.OFFERED, language="zh-hans", subject="x", body="y")


def test_the_chinese_templates_use_only_known_placeholders():
    for template in EmailTemplate.objects.filter(language="zh-hans"):
        template.full_clean()
        assert "{name}" in template.body and "{reference}" in template.body


def test_staff_see_and_filter_the_templates_by_language(client):
    client.force_login(make_manager())
    url = reverse("admin:applications_emailtemplate_changelist")

    everything = client.get(url).text
    chinese = client.get(url, {"language__exact": "zh-hans"}).text

    assert "Offer of a place" in everything and "录取通知" in everything
    assert "Simplified Chinese" in everything
    assert "录取通知" in chinese and "Offer of a place" not in chinese
