"""Seats are never oversold: each offer has its own reply deadline, accepting re-checks the seat
under the intake's lock, and an intake's capacity never drops below the seats held."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from applications.models import Application
from applications.seats import seats_left, seats_taken
from applications.services import ApplicationStateError
from applications.states import ApplicationState
from selection.services import application_make_offer
from tests.factories import IntakeFactory
from tests.programs.factories import intake_admin_form
from tests.selection.factories import (
    CriterionFactory,
    make_manager,
    review,
    submitted_application,
)

S = ApplicationState


def decide(client, application, decision="offer"):
    url = reverse("admin:applications_application_decide", args=[application.pk])
    return client.post(url, {"decision": decision}, follow=True)


def intake_change(client, intake, **changes):
    """Post the intake's admin form with `changes` (and the rest as it is)."""
    url = reverse("admin:programs_intake_change", args=[intake.pk])
    return client.post(url, intake_admin_form(intake, **changes))


@pytest.mark.django_db
def test_an_offer_gets_its_own_deadline_from_the_intakes_reply_period(
    client, django_capture_on_commit_callbacks
):
    intake = IntakeFactory(offer_reply_days=10)
    application = submitted_application(state=S.SHORTLISTED, intake=intake)
    client.force_login(make_manager())

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, application)

    application.refresh_from_db()
    assert application.state == S.OFFERED
    assert application.offer_reply_deadline - timezone.now() == pytest.approx(
        timedelta(days=10), abs=timedelta(minutes=1)
    )
    deadline = date_format(timezone.localtime(application.offer_reply_deadline), "DATETIME_FORMAT")
    assert f"before {deadline} (Asia/Shanghai)" in mail.outbox[-1].body


@pytest.mark.django_db
def test_changing_the_intake_never_moves_an_offers_deadline_nor_frees_its_seat(client):
    """The defect: moving the intake's deadline let a second offer through, then revived the
    first, and both students accepted one seat."""
    intake = IntakeFactory(capacity=1, offer_reply_days=14)
    first = submitted_application(state=S.SHORTLISTED, intake=intake)
    second = submitted_application(state=S.SHORTLISTED, intake=intake)
    client.force_login(make_manager())
    decide(client, first)
    first.refresh_from_db()
    deadline = first.offer_reply_deadline

    response = intake_change(client, intake, offer_reply_days="1")
    assert response.status_code == 302
    refused = decide(client, second)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.offer_reply_deadline == deadline
    assert (first.state, second.state) == (S.OFFERED, S.SHORTLISTED)
    assert "The one seat of" in refused.text
    assert seats_taken(intake) == 1


@pytest.mark.django_db
def test_a_lapsed_offer_frees_its_seat_for_the_waitlist_and_can_no_longer_be_accepted(client):
    intake = IntakeFactory(capacity=1, offer_reply_days=3)
    CriterionFactory(intake=intake)
    lapsing = submitted_application(state=S.SHORTLISTED, intake=intake)
    waiting = [submitted_application(state=S.WAITLISTED, intake=intake) for _ in range(2)]
    review(waiting[0], make_manager(), [2])
    review(waiting[1], make_manager(), [5])
    manager = make_manager()
    application_make_offer(application=lapsing, by=manager)
    dashboard = reverse("admin:selection_intake_dashboard", args=[intake.pk])
    client.force_login(manager)
    assert "0 seats left" in client.get(dashboard).text

    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        page = client.get(dashboard)
        ranked = [application.pk for application in page.context["figures"]["waitlist"]]
        assert ranked == [waiting[1].pk, waiting[0].pk]
        assert "1 seat is free: offer it to the first applicant on the waitlist." in page.text
        assert "1 seat left" in page.text
        decide(client, waiting[1])
        with pytest.raises(ApplicationStateError, match="deadline to reply"):
            Application.objects.get(pk=lapsing.pk).accept_offer(by=lapsing.applicant)
        assert seats_taken(intake) == 1

    assert Application.objects.get(pk=waiting[1].pk).state == S.OFFERED
    assert Application.objects.get(pk=lapsing.pk).state == S.OFFERED


@pytest.mark.django_db
def test_accepting_rechecks_the_seat():
    """A live offer holds its seat, so only seats lost another way (here a capacity written
    past the form) can stop it; then the student is told, and nothing changes."""
    intake = IntakeFactory(capacity=2)
    offered = submitted_application(state=S.OFFERED, intake=intake)
    submitted_application(state=S.ACCEPTED, intake=intake)
    type(intake).objects.filter(pk=intake.pk).update(capacity=1)

    with pytest.raises(ApplicationStateError, match="The one seat of"):
        offered.accept_offer(by=offered.applicant)

    offered.refresh_from_db()
    assert offered.state == S.OFFERED


@pytest.mark.django_db
def test_the_intake_form_refuses_fewer_seats_than_are_held_and_says_why(client):
    intake = IntakeFactory(capacity=3)
    submitted_application(state=S.OFFERED, intake=intake)
    submitted_application(state=S.ACCEPTED, intake=intake)
    submitted_application(state=S.DECLINED, intake=intake)
    client.force_login(make_manager())

    refused = intake_change(client, intake, capacity="1")

    assert refused.status_code == 200
    assert (
        "Offers and acceptances hold 2 seats, so the intake needs at least 2 seats." in refused.text
    )
    intake.refresh_from_db()
    assert intake.capacity == 3
    assert intake_change(client, intake, capacity="2").status_code == 302
    intake.refresh_from_db()
    assert intake.capacity == 2
    assert seats_left(intake) == 0


@pytest.mark.django_db
def test_the_intakes_inline_of_the_program_page_applies_the_same_rule(client):
    intake = IntakeFactory(capacity=2)
    submitted_application(state=S.ACCEPTED, intake=intake)
    program = intake.program
    client.force_login(make_manager())
    local = timezone.localtime
    prefix = "intakes-0-"
    data = {
        "kind": program.kind,
        "title_en": program.title,
        "slug": program.slug,
        "summary_en": program.summary,
        "is_published": "on",
        "intakes-TOTAL_FORMS": "1",
        "intakes-INITIAL_FORMS": "1",
        prefix + "id": intake.pk,
        prefix + "program": program.pk,
        prefix + "name_en": intake.name,
        prefix + "opens_at_0": local(intake.opens_at).date().isoformat(),
        prefix + "opens_at_1": "09:00:00",
        prefix + "closes_at_0": local(intake.closes_at).date().isoformat(),
        prefix + "closes_at_1": "09:00:00",
        prefix + "starts_on": intake.starts_on.isoformat(),
        prefix + "ends_on": intake.ends_on.isoformat(),
        prefix + "capacity": "0",
    }

    response = client.post(reverse("admin:programs_program_change", args=[program.pk]), data)

    assert response.status_code == 200
    assert "An offer or an acceptance holds 1 seat" in response.text
    intake.refresh_from_db()
    assert intake.capacity == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_acceptance_and_two_offers_at_once_never_exceed_the_seats():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; SQLite serialises all writes anyway.")
    intake = IntakeFactory(capacity=2)
    accepting = submitted_application(state=S.OFFERED, intake=intake)
    candidates = [submitted_application(state=S.SHORTLISTED, intake=intake) for _ in range(2)]
    managers = [make_manager(), make_manager()]
    barrier = threading.Barrier(3)
    outcomes = {}

    def run(name, action):
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            action()
            outcomes[name] = "done"
        except ApplicationStateError:
            outcomes[name] = "refused"
        finally:
            connections.close_all()

    actions = {
        "accept": lambda: Application.objects.get(pk=accepting.pk).accept_offer(
            by=accepting.applicant
        ),
        **{
            f"offer {n}": (
                lambda application=application, manager=manager: application_make_offer(
                    application=application, by=manager
                )
            )
            for n, (application, manager) in enumerate(zip(candidates, managers, strict=True))
        },
    }
    threads = [threading.Thread(target=run, args=item) for item in actions.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcomes["accept"] == "done"
    assert sorted(outcomes[f"offer {n}"] for n in range(2)) == ["done", "refused"]
    assert seats_taken(intake) == 2
    assert intake.applications.filter(state=S.ACCEPTED).count() == 1
