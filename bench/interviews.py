"""Interview pages at a large intake: 1,000 slots of 20 interviewers, 600 of them booked
(half assessed), 400 free. The manager's interview page of the intake, one interviewer's
schedule (50 slots) and a student's booking page (400 free slots to choose from).

Run with `.venv/bin/python bench/interviews.py`. Builds the data in a temporary SQLite
database and reports each page's median time as a ratio against the admin index measured in
the same run (bench/harness.py). Not part of the test suite; the pages' query-count guards
are in tests/selection/test_interviews.py and tests/applications/test_interviews.py.
"""

from datetime import timedelta
from functools import partial

from harness import median_ms, report, set_up_django, source_storages

ROUNDS = 15
INTERVIEWERS = 20
SLOTS_EACH = 50
BOOKED = 600
BASELINE = "admin index (baseline)"


def build():
    """The intake, its slots and bookings, in bulk; returns (intake, an interviewer, a
    student invited but not booked, a manager)."""
    from django.utils import timezone

    from applications.models import Application, Interview, InterviewSlot
    from selection.models import InterviewAssessment
    from tests.applications.factories import interviewer, invited_to_interview
    from tests.factories import IntakeFactory, StaffFactory
    from tests.selection.factories import bulk_applications

    intake = IntakeFactory()
    hosts = [interviewer(email=f"interviewer{n}@example.org") for n in range(INTERVIEWERS)]
    start = (timezone.now() + timedelta(days=7)).replace(minute=0, second=0, microsecond=0)
    InterviewSlot.objects.bulk_create(
        InterviewSlot(
            intake=intake,
            starts_at=start + timedelta(days=n // 16, minutes=30 * (n % 16)),
            length_minutes=30,
            online_url="https://meeting.example.org/room",
            interviewer=host,
        )
        for host in hosts
        for n in range(SLOTS_EACH)
    )
    bulk_applications(intake, BOOKED)
    Application.objects.filter(intake=intake).update(state="shortlisted")
    slots = list(InterviewSlot.objects.filter(intake=intake).order_by("pk")[:BOOKED])
    interviews = Interview.objects.bulk_create(
        Interview(application=application, slot=slot, booked_at=timezone.now())
        for application, slot in zip(
            Application.objects.filter(intake=intake).order_by("pk"), slots, strict=True
        )
    )
    InterviewAssessment.objects.bulk_create(
        InterviewAssessment(interview=interview, score=3, recorded_by=interview.slot.interviewer)
        for interview in interviews[::2]
    )
    waiting = invited_to_interview(intake=intake)
    return intake, hosts[0], waiting.application, StaffFactory()


def main():
    set_up_django("interviews")
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    intake, host, application, manager = build()
    clients = {}
    for name, user in [("manager", manager), ("host", host), ("student", application.applicant)]:
        clients[name] = Client()
        clients[name].force_login(user)
    pages = {
        BASELINE: ("manager", reverse("admin:index")),
        "intake interview page, 1,000 slots": (
            "manager",
            reverse("admin:selection_intake_interviews", args=[intake.pk]),
        ),
        "interviewer's schedule, 50 slots": ("host", reverse("admin:selection_interview_schedule")),
        "student's booking page, 400 free": (
            "student",
            reverse("applications:interview", kwargs={"pk": application.pk}),
        ),
    }
    with override_settings(STORAGES=source_storages()):
        results = {
            name: median_ms(partial(clients[who].get, url), rounds=ROUNDS)
            for name, (who, url) in pages.items()
        }
    report(
        f"{INTERVIEWERS * SLOTS_EACH:,} slots in one intake, {BOOKED} booked; "
        f"median of {ROUNDS} requests, SQLite",
        results,
        BASELINE,
    )


if __name__ == "__main__":
    main()
