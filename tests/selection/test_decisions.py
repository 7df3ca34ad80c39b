"""Decisions from the list and the application page: the state rules, messages, capacity."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from applications.seats import seats_left
from applications.services import ApplicationStateError
from applications.states import ApplicationState
from selection.services import DECISIONS, application_make_offer
from tests.factories import IntakeFactory
from tests.selection.factories import (
    CriterionFactory,
    make_manager,
    review,
    submitted_application,
)

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")
ACTIONS = {
    "shortlist": "shortlist",
    "offer": "make_offer",
    "waitlist": "waitlist",
    "reject": "reject",
}


def decide_url(application):
    return reverse("admin:applications_application_decide", args=[application.pk])


# Written out, not read from TRANSITIONS, so a wrong entry there fails here.
ALLOWED_DECISIONS = {
    ("shortlist", S.UNDER_REVIEW),
    ("offer", S.SHORTLISTED),
    ("offer", S.WAITLISTED),
    ("waitlist", S.SHORTLISTED),
    ("reject", S.UNDER_REVIEW),
    ("reject", S.SHORTLISTED),
    ("reject", S.WAITLISTED),
}
CASES = [
    (decision, state, (decision, state) in ALLOWED_DECISIONS)
    for decision in DECISIONS
    for state in [S.SUBMITTED, S.UNDER_REVIEW, S.SHORTLISTED, S.WAITLISTED, S.OFFERED]
]


@pytest.mark.django_db
@pytest.mark.parametrize(("decision", "state", "allowed"), CASES)
def test_each_decision_action_moves_allowed_and_explains_refused(client, decision, state, allowed):
    application = submitted_application(state=state)
    client.force_login(make_manager())

    response = client.post(
        CHANGELIST,
        {"action": ACTIONS[decision], "_selected_action": [application.pk]},
        follow=True,
    )

    application.refresh_from_db()
    text = response.text
    if allowed:
        assert application.state == DECISIONS[decision]
        assert application.state_changes.get().to_state == DECISIONS[decision]
        assert f"{application.reference} is now" in text
    else:
        assert application.state == state
        assert not application.state_changes.exists()
        assert f"{application.reference} (" in text and "was not changed" in text
        assert "cannot go from" in text


@pytest.mark.django_db
def test_bulk_decision_reports_each_application_that_could_not_move(client):
    good = submitted_application(state=S.UNDER_REVIEW)
    rejected = submitted_application(state=S.REJECTED)
    draft = submitted_application(state=S.DRAFT)
    client.force_login(make_manager())

    response = client.post(
        CHANGELIST + "?state=all",
        {"action": "shortlist", "_selected_action": [good.pk, rejected.pk, draft.pk]},
        follow=True,
    )

    text = response.text
    assert f"{good.reference} is now “Shortlisted”" in text
    assert f"{rejected.reference} (" in text and "from “Not selected” to “Shortlisted”" in text
    assert f"{draft.reference} (" in text and "from “Draft” to “Shortlisted”" in text


@pytest.mark.django_db
def test_decision_buttons_on_the_page_show_only_allowed_moves_and_work(client):
    application = submitted_application(state=S.SHORTLISTED)
    client.force_login(make_manager())
    page = client.get(reverse("admin:applications_application_change", args=[application.pk]))

    buttons = {key for key in DECISIONS if f'value="{key}"' in page.text}
    assert buttons == {"offer", "waitlist", "reject"}

    response = client.post(decide_url(application), {"decision": "offer"}, follow=True)

    application.refresh_from_db()
    assert application.state == S.OFFERED
    assert "is now “Offered a place”" in response.text


@pytest.mark.django_db
def test_offers_stop_at_capacity_with_a_message(client):
    intake = IntakeFactory(capacity=1)
    first = submitted_application(state=S.SHORTLISTED, intake=intake)
    second = submitted_application(state=S.SHORTLISTED, intake=intake)
    client.force_login(make_manager())

    client.post(decide_url(first), {"decision": "offer"})
    response = client.post(decide_url(second), {"decision": "offer"}, follow=True)

    second.refresh_from_db()
    assert second.state == S.SHORTLISTED
    assert "The one seat of" in response.text
    assert seats_left(intake) == 0


@pytest.mark.django_db
def test_bulk_offers_go_to_the_best_scores_first(client):
    intake = IntakeFactory(capacity=1)
    CriterionFactory(intake=intake)
    weak = submitted_application(state=S.SHORTLISTED, intake=intake)
    strong = submitted_application(state=S.SHORTLISTED, intake=intake)
    review(weak, make_manager(), [2])
    review(strong, make_manager(), [5])
    client.force_login(make_manager())

    client.post(CHANGELIST, {"action": "make_offer", "_selected_action": [weak.pk, strong.pk]})

    strong.refresh_from_db()
    weak.refresh_from_db()
    assert (strong.state, weak.state) == (S.OFFERED, S.SHORTLISTED)


@pytest.mark.django_db
def test_lapsed_offers_free_their_seats_and_declines_too():
    intake = IntakeFactory(capacity=2)
    deadline = timezone.now() + timedelta(days=3)
    submitted_application(state=S.OFFERED, intake=intake, offer_reply_deadline=deadline)
    submitted_application(state=S.DECLINED, intake=intake)
    submitted_application(state=S.ACCEPTED, intake=intake)
    assert seats_left(intake) == 0

    later = deadline + timedelta(minutes=1)
    assert seats_left(intake, now=later) == 1


@pytest.mark.django_db
def test_waitlist_on_the_dashboard_is_in_rank_order(client):
    intake = IntakeFactory(capacity=1)
    CriterionFactory(intake=intake)
    unscored = submitted_application(state=S.WAITLISTED, intake=intake)
    middle = submitted_application(state=S.WAITLISTED, intake=intake)
    best = submitted_application(state=S.WAITLISTED, intake=intake)
    review(middle, make_manager(), [3])
    review(best, make_manager(), [5])
    client.force_login(make_manager())

    response = client.get(reverse("admin:selection_intake_dashboard", args=[intake.pk]))

    ranked = [application.pk for application in response.context["figures"]["waitlist"]]
    assert ranked == [best.pk, middle.pk, unscored.pk]
    assert "1 seat is free" in response.text


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_managers_offering_the_last_seat_at_once_give_it_once():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; SQLite serialises all writes anyway.")
    intake = IntakeFactory(capacity=1)
    applications = [submitted_application(state=S.SHORTLISTED, intake=intake) for _ in range(2)]
    managers = [make_manager(), make_manager()]
    barrier = threading.Barrier(2)
    outcomes = []

    def offer(application, manager):
        from django.db import connections

        try:
            barrier.wait()
            application_make_offer(application=application, by=manager)
            outcomes.append("offered")
        except ApplicationStateError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=offer, args=pair)
        for pair in zip(applications, managers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["offered", "refused"]
    assert intake.applications.filter(state=S.OFFERED).count() == 1
