"""Every email about an application names the student the same way (User.display_name)."""

import pytest
from django.core import mail

from applications.states import ApplicationState
from selection.services import application_decide, review_assign
from tests.applications.factories import complete_application
from tests.factories import StudentProfileFactory
from tests.selection.factories import make_manager, make_reviewer, submitted_application

pytestmark = pytest.mark.django_db

S = ApplicationState


@pytest.fixture
def alice():
    """Signed up with an email address only; her name is in her student profile."""
    return StudentProfileFactory(
        given_name="Alice", family_name="Chen", user__first_name="", user__last_name=""
    ).user


def test_the_submission_confirmation_greets_by_name(alice, django_capture_on_commit_callbacks):
    application = complete_application(applicant=alice)

    with django_capture_on_commit_callbacks(execute=True):
        application.submit(by=alice)

    assert mail.outbox[-1].body.startswith("Dear Alice Chen,\n")
    assert alice.email not in mail.outbox[-1].body


def test_a_state_change_email_greets_by_name(alice, django_capture_on_commit_callbacks):
    application = submitted_application(applicant=alice)

    with django_capture_on_commit_callbacks(execute=True):
        review_assign(applications=[application], reviewer=make_reviewer(), by=make_manager())

    assert "is now: Under review" in mail.outbox[-1].body
    assert mail.outbox[-1].body.startswith("Dear Alice Chen,\n")


def test_a_decision_email_names_the_student_the_same_way(alice, django_capture_on_commit_callbacks):
    application = submitted_application(applicant=alice, state=S.SHORTLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, decision="offer", by=make_manager())

    assert mail.outbox[-1].body.startswith("Dear Alice Chen,\n")
