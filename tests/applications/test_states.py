"""The state rules of applications: one table, one write path, a history line per change."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.utils import timezone, translation

from applications.models import Application, ApplicationStateChange
from applications.services import (
    ApplicationStateError,
    application_set_state,
    application_start,
    submission_problems,
)
from applications.states import ApplicationState
from tests.applications.factories import ApplicationFactory, complete_application
from tests.factories import (
    IntakeFactory,
    ProgramFactory,
    StaffFactory,
    StudentProfileFactory,
    SupervisorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

S = ApplicationState

# The expected table, written out here rather than read from applications.states.TRANSITIONS,
# so that a wrong entry added there fails these tests instead of testing itself.
ALLOWED = [
    (S.DRAFT, S.SUBMITTED),
    (S.DRAFT, S.WITHDRAWN),
    (S.SUBMITTED, S.UNDER_REVIEW),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.UNDER_REVIEW, S.SHORTLISTED),
    (S.UNDER_REVIEW, S.REJECTED),
    (S.UNDER_REVIEW, S.WITHDRAWN),
    (S.SHORTLISTED, S.OFFERED),
    (S.SHORTLISTED, S.WAITLISTED),
    (S.SHORTLISTED, S.REJECTED),
    (S.SHORTLISTED, S.WITHDRAWN),
    (S.WAITLISTED, S.OFFERED),
    (S.WAITLISTED, S.REJECTED),
    (S.OFFERED, S.ACCEPTED),
    (S.OFFERED, S.DECLINED),
    (S.OFFERED, S.WITHDRAWN),
    (S.ACCEPTED, S.WITHDRAWN),
]
REFUSED = [(old, new) for old in S for new in S if (old, new) not in ALLOWED]


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_each_allowed_transition_is_made_and_recorded(old, new):
    application = complete_application(state=old)
    by = application.applicant if new in (S.WITHDRAWN, S.ACCEPTED, S.DECLINED) else StaffFactory()
    if new == S.SUBMITTED:
        by = application.applicant

    application_set_state(application=application, new_state=new, by=by, note="why")

    application.refresh_from_db()
    assert application.state == new
    change = application.state_changes.get()
    assert (change.from_state, change.to_state, change.by, change.note) == (old, new, by, "why")


@pytest.mark.parametrize(("old", "new"), REFUSED)
def test_each_other_transition_is_refused_and_changes_nothing(old, new):
    application = complete_application(state=old)

    with pytest.raises(ApplicationStateError, match="cannot go from"):
        application_set_state(application=application, new_state=new, by=StaffFactory())

    application.refresh_from_db()
    assert application.state == old
    assert not ApplicationStateChange.objects.exists()


def test_the_expected_table_names_every_state_and_no_move_twice():
    assert len(set(ALLOWED)) == len(ALLOWED)
    assert {state for move in ALLOWED for state in move} == set(S)
    assert len(ALLOWED) + len(REFUSED) == len(S) ** 2


@pytest.mark.parametrize("new", [S.UNDER_REVIEW])
def test_a_student_cannot_make_staff_moves(new):
    application = complete_application(state=S.SUBMITTED)
    with pytest.raises(PermissionDenied):
        application_set_state(application=application, new_state=new, by=application.applicant)


def test_another_student_cannot_withdraw_my_application():
    application = complete_application(state=S.SUBMITTED)
    with pytest.raises(PermissionDenied):
        application.withdraw(by=UserFactory())
    application.refresh_from_db()
    assert application.state == S.SUBMITTED


def test_submitting_assigns_a_reference_and_emails_it(django_capture_on_commit_callbacks):
    program = ProgramFactory(kind="zierip")
    intake = IntakeFactory(program=program, starts_on=date(2027, 7, 1), ends_on=date(2027, 8, 31))
    application = complete_application(intake=intake)

    with django_capture_on_commit_callbacks(execute=True):
        application.submit(by=application.applicant)

    assert application.reference == f"ZIERIP-2027-{application.pk:06d}"
    assert application.submitted_at is not None
    [email] = mail.outbox
    assert email.to == [application.applicant.email]
    assert application.reference in email.subject
    assert application.reference in email.body


@pytest.mark.parametrize(
    ("language", "subject"), [("zh-hans", "申请已收到："), ("en", "Application received: ")]
)
def test_the_confirmation_is_in_the_language_the_student_chose_for_our_emails(
    django_capture_on_commit_callbacks, language, subject
):
    application = complete_application(
        applicant=StudentProfileFactory(user__language=language).user
    )

    # Whatever the page's language: the profile says which language our emails are in.
    page_language = "zh-hans" if language == "en" else "en"
    with translation.override(page_language), django_capture_on_commit_callbacks(execute=True):
        application.submit(by=application.applicant)

    assert mail.outbox[-1].subject == subject + application.reference


def test_submitting_twice_makes_one_submission():
    application = complete_application()
    application.submit(by=application.applicant)
    with pytest.raises(ApplicationStateError):
        Application.objects.get(pk=application.pk).submit(by=application.applicant)
    assert application.state_changes.count() == 1


def test_missing_parts_are_named_and_block_submission():
    profile = StudentProfileFactory(phone="", user__email_verified_at=None)
    application = ApplicationFactory(applicant=profile.user, statement="Too short.")
    intake = application.intake
    intake.requires_photo = True
    intake.save()
    intake.questions.create(label="Why Hangzhou?", kind="text", required=True)
    intake.questions.create(label="Anything else?", kind="text", required=False)

    with pytest.raises(ApplicationStateError) as error:
        application.submit(by=profile.user)

    messages = error.value.messages
    assert "Verify your email address." in messages
    assert "Complete your profile: phone." in messages
    assert any("it needs at least 300" in message for message in messages)
    assert "Answer the question “Why Hangzhou?”." in messages
    assert not any("Anything else" in message for message in messages)
    assert {"Upload your CV.", "Upload your transcript.", "Upload your photo."} <= set(messages)
    application.refresh_from_db()
    assert application.state == S.DRAFT and application.reference is None


def test_a_complete_application_has_no_problems():
    assert submission_problems(complete_application()) == []


def test_phd_needs_an_active_supervisor_choice():
    application = complete_application(intake=IntakeFactory(program=ProgramFactory(kind="phd")))
    assert "Choose at least one supervisor" in submission_problems(application)[0]
    supervisor = SupervisorFactory(is_active=False)
    application.supervisor_choices.create(supervisor=supervisor, rank=1)
    assert "no longer takes students" in submission_problems(application)[0]
    supervisor.is_active = True
    supervisor.save()
    assert submission_problems(application) == []


def test_submission_deadline_boundary():
    application = complete_application()
    closes_at = application.intake.closes_at
    with time_machine.travel(closes_at - timedelta(microseconds=1), tick=False):
        assert submission_problems(application) == []
    with time_machine.travel(closes_at, tick=False):
        assert submission_problems(application) == ["This intake is not open for applications."]
        with pytest.raises(ApplicationStateError, match="not open"):
            application.submit(by=application.applicant)


def test_offer_reply_deadline_boundary():
    deadline = timezone.now() + timedelta(days=3)
    application = complete_application(state=S.OFFERED, offer_reply_deadline=deadline)
    with time_machine.travel(deadline, tick=False):
        with pytest.raises(ApplicationStateError, match="deadline"):
            application.accept_offer(by=application.applicant)
        with pytest.raises(ApplicationStateError, match="deadline"):
            application.decline_offer(by=application.applicant)
    with time_machine.travel(deadline - timedelta(microseconds=1), tick=False):
        application.accept_offer(by=application.applicant)
    assert Application.objects.get(pk=application.pk).state == S.ACCEPTED


def test_one_application_per_student_per_intake_in_the_database():
    application = ApplicationFactory()
    with pytest.raises(IntegrityError):
        Application.objects.create(applicant=application.applicant, intake=application.intake)


def test_starting_twice_returns_the_same_draft():
    user = StudentProfileFactory().user
    intake = IntakeFactory()
    first = application_start(intake=intake, user=user)
    second = application_start(intake=intake, user=user)
    assert first == second
    assert Application.objects.count() == 1


def test_cannot_start_on_a_closed_intake():
    intake = IntakeFactory(
        opens_at=timezone.now() - timedelta(days=20), closes_at=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(ApplicationStateError, match="not open"):
        application_start(intake=intake, user=UserFactory())
    assert not Application.objects.exists()
