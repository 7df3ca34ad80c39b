"""Decision emails: texts managers edit, sent only after commit, failures kept for a retry."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.urls import reverse

from programs.applications.states import ApplicationState
from programs.selection.models import DECISION_STATES, EmailLog, EmailStatus, EmailTemplate
from programs.selection.services import application_decide
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.programs.selection.factories import make_manager, submitted_application

pytestmark = pytest.mark.django_db

S = ApplicationState
SHANGHAI = ZoneInfo("Asia/Shanghai")


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def offered_setup():
    intake = IntakeFactory(
        name="Summer 2027",
        program__title="ZIERIP",
        offer_deadline=datetime(2027, 5, 1, 18, 0, tzinfo=SHANGHAI),
    )
    applicant = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    application = submitted_application(state=S.SHORTLISTED, intake=intake, applicant=applicant)
    return application, make_manager()


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
    assert (log.status, log.application, log.subject) == (
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
        reverse("admin:selection_emailtemplate_change", args=[template.pk]),
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
        reverse("admin:selection_emailtemplate_change", args=[template.pk]),
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
    listing = client.get(reverse("admin:selection_emaillog_changelist"), {"status": "failed"})
    assert "mail server down" in listing.text

    still_down = client.post(
        reverse("admin:selection_emaillog_changelist"),
        {"action": "retry", "_selected_action": [log.pk]},
        follow=True,
    )
    assert "1 email(s) failed again" in still_down.text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(
        reverse("admin:selection_emaillog_changelist"),
        {"action": "retry", "_selected_action": [log.pk]},
    )

    log.refresh_from_db()
    assert (log.status, log.attempts, log.error) == (EmailStatus.SENT, 3, "")
    assert mail.outbox[-1].subject == log.subject


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
    url = reverse("admin:selection_emailtemplate_changelist")

    everything = client.get(url).text
    chinese = client.get(url, {"language__exact": "zh-hans"}).text

    assert "Offer of a place" in everything and "录取通知" in everything
    assert "Simplified Chinese" in everything
    assert "录取通知" in chinese and "Offer of a place" not in chinese
