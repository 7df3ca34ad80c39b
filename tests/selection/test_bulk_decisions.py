"""A bulk decision past BULK_ACTION_THRESHOLD is made by the worker: the request only
queues it, whatever the number, and the manager is emailed the outcome."""

import pytest
from django.core import mail
from django.urls import reverse

from applications.states import ApplicationState
from selection import tasks
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.selection.factories import (
    CriterionFactory,
    make_manager,
    make_reviewer,
    review,
    submitted_application,
)

pytestmark = pytest.mark.django_db

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")


@pytest.fixture(autouse=True)
def _small_threshold(settings):
    settings.BULK_ACTION_THRESHOLD = 2


def shortlist(client, applications):
    return client.post(
        CHANGELIST + "?state=all",
        {"action": "shortlist", "_selected_action": [a.pk for a in applications]},
        follow=True,
    )


def test_the_worker_decides_and_emails_the_manager_what_was_refused_and_why(client, after_commit):
    manager = make_manager(email="manager@example.org")
    good = [submitted_application(state=S.UNDER_REVIEW) for _ in range(2)]
    rejected = submitted_application(state=S.REJECTED)
    client.force_login(manager)

    with after_commit():
        response = shortlist(client, [*good, rejected])

    assert "3 applications are being decided in the background" in response.text
    for application in good:
        application.refresh_from_db()
        assert application.state == S.SHORTLISTED
    [summary] = [message for message in mail.outbox if message.to == [manager.email]]
    assert summary.subject == "Your decision on 3 applications is done"
    assert "2 applications are now “Shortlisted”" in summary.body
    assert f"- {rejected.reference}: An application cannot go from “Not selected”" in summary.body


def test_offers_in_the_background_still_go_to_the_best_scores_first(client):
    intake = IntakeFactory(capacity=1)
    CriterionFactory(intake=intake)
    weak, strong, middle = (
        submitted_application(state=S.SHORTLISTED, intake=intake) for _ in range(3)
    )
    for application, score in [(weak, 2), (strong, 5), (middle, 3)]:
        review(application, make_manager(), [score])
    client.force_login(make_manager())

    client.post(
        CHANGELIST, {"action": "make_offer", "_selected_action": [weak.pk, strong.pk, middle.pk]}
    )

    states = {a.pk: a.state for a in [weak, strong, middle] if not a.refresh_from_db()}
    assert states == {weak.pk: S.SHORTLISTED, strong.pk: S.OFFERED, middle.pk: S.SHORTLISTED}


@pytest.mark.parametrize("count", [3, 9])
def test_queueing_does_not_grow_with_the_selection(
    client, count, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr(tasks.decide_applications, "delay", lambda *args: None)
    applications = [submitted_application(state=S.UNDER_REVIEW) for _ in range(count)]
    client.force_login(make_manager())
    with django_assert_max_num_queries(15):
        client.post(
            CHANGELIST + "?state=all",
            {"action": "shortlist", "_selected_action": [a.pk for a in applications]},
        )


def test_with_the_queue_down_nothing_changes_and_the_manager_is_told(client, monkeypatch):
    def broker_down(*args):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(tasks.decide_applications, "delay", broker_down)
    applications = [submitted_application(state=S.UNDER_REVIEW) for _ in range(3)]
    client.force_login(make_manager())

    response = shortlist(client, applications)

    assert "The task queue is not reachable, so no application was changed." in response.text
    assert all(not a.refresh_from_db() and a.state == S.UNDER_REVIEW for a in applications)


def test_reviewers_cannot_decide_in_bulk_either(client):
    applications = [submitted_application(state=S.UNDER_REVIEW) for _ in range(3)]
    client.force_login(make_reviewer())
    shortlist(client, applications)
    assert all(not a.refresh_from_db() and a.state == S.UNDER_REVIEW for a in applications)


def test_emails_to_many_applicants_are_written_by_the_worker(client, after_commit):
    applications = [submitted_application(state=S.OFFERED) for _ in range(3)]
    client.force_login(make_manager())

    with after_commit():
        response = client.post(
            CHANGELIST,
            {
                "action": "email_applicants",
                "_selected_action": [a.pk for a in applications],
                "send": "Send",
                "subject": "Interviews for {program}",
                "body": "Dear {name}",
            },
            follow=True,
        )

    assert "3 emails queued for sending." in response.text
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        a.applicant.email for a in applications
    )


def test_the_worker_writes_each_applicant_in_their_language(after_commit):
    """The worker has no request to take a language from: each applicant gets the text in
    their language, its placeholders filled in that language too."""
    chinese = submitted_application(
        state=S.OFFERED,
        applicant=StudentProfileFactory(user__language="zh-hans").user,
        intake__program__title="ZIERIP",
        intake__program__title_zh_hans="国际企业研究实习",
    )
    english = submitted_application(state=S.OFFERED, intake=chinese.intake)

    with after_commit():
        tasks.email_applicants.delay(
            [chinese.pk, english.pk],
            {
                "en": ["Interviews for {program}", "Dear {name}"],
                "zh-hans": ["{program}面试", "您好"],
            },
        )

    assert {message.to[0]: message.subject for message in mail.outbox} == {
        chinese.applicant.email: "国际企业研究实习面试",
        english.applicant.email: "Interviews for ZIERIP",
    }
