"""Who may open and do what with one student's application: the whole matrix.

Six people try every page, document, decision and export of Student A's application, each
GET and each POST: anonymous, Student A (the owner), Student B, a reviewer assigned to the
application, a reviewer who is not, and a program manager. A cell is "allowed" when the effect
shows (the page with the application, the file, the state moved, the export, the email); every
other outcome (redirect to a login, 403, 404, or a page without the effect) is "refused". The
expected matrix is written out below: anything it does not list as allowed must be refused.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from applications.states import ApplicationState
from mail.models import EmailLog, EmailStatus
from selection.models import ExportJob, ExportStatus, Review, ReviewAssignment
from tests.applications.factories import STATEMENT, DocumentFactory, complete_application
from tests.factories import StudentProfileFactory
from tests.files import minimal_pdf
from tests.selection.factories import (
    CriterionFactory,
    assign,
    make_manager,
    make_reviewer,
    staff_document_url,
)

S = ApplicationState
ACTORS = ["anonymous", "student_a", "student_b", "assigned_reviewer", "other_reviewer", "manager"]
CHANGELIST = reverse("admin:applications_application_changelist")


@dataclass
class World:
    application: object
    document: object
    people: dict


def make_world(state):
    people = {
        "student_a": StudentProfileFactory().user,
        "student_b": StudentProfileFactory().user,
        "assigned_reviewer": make_reviewer(),
        "other_reviewer": make_reviewer(),
        "manager": make_manager(),
    }
    application = complete_application(applicant=people["student_a"])
    CriterionFactory(intake=application.intake, name="Motivation")
    type(application).objects.filter(pk=application.pk).update(
        state=state,
        reference="MATRIX-000001",
        submitted_at=None if state == S.DRAFT else timezone.now(),
        offer_reply_deadline=timezone.now() + timedelta(days=5),
    )
    application.refresh_from_db()
    assign(application, people["assigned_reviewer"])
    EmailLog.objects.create(
        to=people["student_a"].email,
        subject="Your offer",
        body="…",
        status=EmailStatus.FAILED,
        error="mail server down",
        about=application,
    )
    return World(application, DocumentFactory(application=application, kind="photo"), people)


def fresh(world):
    world.application.refresh_from_db()
    return world.application


def shows_page(world, response):
    return response.status_code == 200 and (
        world.application.reference in response.text
        or world.application.intake.name in response.text
    )


def lists_it(world, response):
    return response.status_code == 200 and world.application.reference in response.text


def follows_the_flow(world, response):
    """A step the owner is sent on from (resume, supervisors of a non-PhD intake)."""
    location = response.get("Location", "")
    return shows_page(world, response) or (response.status_code == 302 and "login" not in location)


def serves_the_file(world, response):
    content = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return content.startswith(b"%PDF")


def student_url(name):
    return lambda world: reverse(f"applications:{name}", args=[world.application.pk])


def admin_action(action, **extra):
    return lambda world: {
        "action": action,
        "_selected_action": [world.application.pk],
        **extra,
    }


@dataclass
class Case:
    name: str
    state: str
    method: str
    url: object  # world -> URL
    allowed: set
    effect: object = shows_page  # (world, response) -> the effect shows
    data: object = None  # world -> POST data


CASES = [
    # The student's pages of a draft.
    Case("resume", S.DRAFT, "get", student_url("resume"), {"student_a"}, follows_the_flow),
    Case("profile step", S.DRAFT, "get", student_url("step_profile"), {"student_a"}),
    Case("motivation step", S.DRAFT, "get", student_url("step_statement"), {"student_a"}),
    Case(
        "save the motivation",
        S.DRAFT,
        "post",
        student_url("step_statement"),
        {"student_a"},
        lambda world, response: fresh(world).statement.startswith("Changed."),
        lambda world: {"statement": "Changed. " + STATEMENT, "action": "save"},
    ),
    Case("documents step", S.DRAFT, "get", student_url("step_documents"), {"student_a"}),
    Case(
        "upload a CV",
        S.DRAFT,
        "post",
        student_url("step_documents"),
        {"student_a"},
        lambda world, response: fresh(world).documents.filter(original_name="new.pdf").exists(),
        lambda world: {"cv": SimpleUploadedFile("new.pdf", minimal_pdf(), "application/pdf")},
    ),
    Case(
        "supervisors step",
        S.DRAFT,
        "get",
        student_url("step_supervisors"),
        {"student_a"},
        follows_the_flow,
    ),
    Case("review step", S.DRAFT, "get", student_url("review"), {"student_a"}),
    # The student's pages of a submitted application.
    Case("detail", S.SUBMITTED, "get", student_url("detail"), {"student_a"}),
    Case("submitted", S.SUBMITTED, "get", student_url("submitted"), {"student_a"}),
    Case("withdraw page", S.SUBMITTED, "get", student_url("withdraw"), {"student_a"}),
    Case(
        "withdraw",
        S.SUBMITTED,
        "post",
        student_url("withdraw"),
        {"student_a"},
        lambda world, response: fresh(world).state == S.WITHDRAWN,
        lambda world: {},
    ),
    Case("offer page", S.OFFERED, "get", student_url("offer_reply"), {"student_a"}),
    Case(
        "accept the offer",
        S.OFFERED,
        "post",
        student_url("offer_reply"),
        {"student_a"},
        lambda world, response: fresh(world).state == S.ACCEPTED,
        lambda world: {"reply": "accept"},
    ),
    Case(
        "the student's document",
        S.SUBMITTED,
        "get",
        lambda world: world.document.get_absolute_url(),
        {"student_a"},
        serves_the_file,
    ),
    # The staff side.
    Case(
        "staff list",
        S.UNDER_REVIEW,
        "get",
        lambda world: CHANGELIST,
        {"assigned_reviewer", "manager"},
        lists_it,
    ),
    Case(
        "staff page",
        S.UNDER_REVIEW,
        "get",
        lambda world: reverse("admin:applications_application_change", args=[world.application.pk]),
        {"assigned_reviewer", "manager"},
    ),
    Case(
        "staff document",
        S.UNDER_REVIEW,
        "get",
        lambda world: staff_document_url(world.document),
        {"assigned_reviewer", "manager"},
        serves_the_file,
    ),
    Case(
        "decision button",
        S.UNDER_REVIEW,
        "post",
        lambda world: reverse("admin:applications_application_decide", args=[world.application.pk]),
        {"manager"},
        lambda world, response: fresh(world).state == S.SHORTLISTED,
        lambda world: {"decision": "shortlist"},
    ),
    *[
        Case(
            f"bulk {action}",
            S.SHORTLISTED,
            "post",
            lambda world: CHANGELIST,
            {"manager"},
            lambda world, response, target=target: fresh(world).state == target,
            admin_action(action),
        )
        for action, target in [
            ("make_offer", S.OFFERED),
            ("waitlist", S.WAITLISTED),
            ("reject", S.REJECTED),
        ]
    ],
    Case(
        "review page",
        S.UNDER_REVIEW,
        "get",
        lambda world: reverse("admin:applications_application_review", args=[world.application.pk]),
        {"assigned_reviewer"},
    ),
    Case(
        "write a review",
        S.UNDER_REVIEW,
        "post",
        lambda world: reverse("admin:applications_application_review", args=[world.application.pk]),
        {"assigned_reviewer"},
        lambda world, response: Review.objects.filter(application=world.application).exists(),
        lambda world: {
            f"criterion_{world.application.intake.review_criteria.get().pk}": "4",
            "comment": "Strong.",
        },
    ),
    Case(
        "assign a reviewer",
        S.SUBMITTED,
        "post",
        lambda world: CHANGELIST,
        {"manager"},
        lambda world, response: ReviewAssignment.objects.filter(
            reviewer=world.people["other_reviewer"]
        ).exists(),
        lambda world: admin_action(
            "assign_reviewer", apply="1", reviewer=world.people["other_reviewer"].pk
        )(world),
    ),
    Case(
        "email the applicant",
        S.UNDER_REVIEW,
        "post",
        lambda world: CHANGELIST,
        {"manager"},
        lambda world, response: EmailLog.objects.filter(subject="Interview").exists(),
        admin_action("email_applicants", send="1", subject="Interview", body="Dear {name},"),
    ),
    Case(
        "resend failed emails",
        S.UNDER_REVIEW,
        "post",
        lambda world: reverse(
            "admin:applications_application_retry_emails", args=[world.application.pk]
        ),
        {"manager"},
        lambda world, response: EmailLog.objects.filter(status=EmailStatus.QUEUED).exists(),
        lambda world: {},
    ),
    Case(
        "export csv",
        S.UNDER_REVIEW,
        "post",
        lambda world: CHANGELIST,
        {"manager"},
        lambda world, response: (
            response.status_code == 200 and "csv" in response.get("Content-Disposition", "")
        ),
        admin_action("export_csv"),
    ),
    # The Excel export is built by the worker (at once in tests) and downloaded later.
    Case(
        "export xlsx",
        S.UNDER_REVIEW,
        "post",
        lambda world: CHANGELIST,
        {"manager"},
        lambda world, response: any(
            world.application.pk in job.application_ids
            for job in ExportJob.objects.filter(status=ExportStatus.DONE)
        ),
        admin_action("export_xlsx"),
    ),
    Case(
        "intake dashboard",
        S.UNDER_REVIEW,
        "get",
        lambda world: reverse(
            "admin:selection_intake_dashboard", args=[world.application.intake_id]
        ),
        {"manager"},
    ),
    Case(
        "dashboard index",
        S.UNDER_REVIEW,
        "get",
        lambda world: reverse("admin:selection_intake_dashboards"),
        {"manager"},
    ),
]

CELLS = [(case, actor) for case in CASES for actor in ACTORS]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "actor"), CELLS, ids=[f"{case.name} by {actor}" for case, actor in CELLS]
)
def test_each_cell_of_the_matrix(client, case, actor):
    world = make_world(case.state)
    if actor != "anonymous":
        client.force_login(world.people[actor])
    url = case.url(world)

    response = client.get(url) if case.method == "get" else client.post(url, case.data(world))

    assert response.status_code < 500
    allowed = case.effect(world, response)
    assert allowed == (actor in case.allowed), (
        f"{case.name} by {actor}: {'allowed' if allowed else 'refused'} "
        f"(HTTP {response.status_code})"
    )


def test_the_matrix_allows_only_these_counts():
    """Each allowed cell is written above; this total changes only with the matrix itself."""
    counts = Counter(actor for case in CASES for actor in case.allowed)
    assert dict(counts) == {
        "student_a": 15,
        "assigned_reviewer": 5,
        "manager": 14,
    }
    assert len(CELLS) - sum(counts.values()) == 152
