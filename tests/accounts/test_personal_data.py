"""A student downloads all their data, and deleting the account keeps only anonymous records."""

import json

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core import mail
from django.urls import reverse

from accounts.models import StudentProfile, User
from applications.emails import email_applicant
from applications.models import Application, ApplicationDocument, ApplicationStateChange
from applications.seats import seats_left
from applications.services import ApplicationStateError
from applications.states import ApplicationState
from mail.models import EmailLog
from selection.services import application_make_offer
from tests.applications.factories import STATEMENT, ApplicationFactory, complete_application
from tests.factories import DEFAULT_PASSWORD, IntakeFactory, StaffFactory, StudentProfileFactory
from tests.selection.factories import make_manager, make_reviewer, submitted_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    application = complete_application()
    application.intake.questions.create(label="Why Hangzhou?", kind="text")
    question = application.intake.questions.get()
    application.answers = {str(question.pk): "The West Lake"}
    application.save()
    application.submit(by=application.applicant)
    return application


def test_export_has_account_profile_applications_answers_and_history(client, submitted):
    user = submitted.applicant
    client.force_login(user)

    response = client.get(reverse("accounts:export_my_data"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["email_verified_at"]
    assert data["profile"]["given_name"] == user.profile.given_name
    assert data["profile"]["date_of_birth"] == "2000-05-17"
    [application] = data["applications"]
    assert application["reference"] == submitted.reference
    assert application["motivation_statement"] == STATEMENT
    assert application["answers"] == [{"question": "Why Hangzhou?", "answer": "The West Lake"}]
    assert {d["kind"] for d in application["documents"]} == {"cv", "transcript"}
    assert [(h["from"], h["to"]) for h in application["history"]] == [("draft", "submitted")]


def log_in(client, user, password=DEFAULT_PASSWORD):
    """Through the login form, so django-axes records it as it does for a real visitor."""
    return client.post(
        reverse("login"),
        {"username": user.email, "password": password},
        headers={"user-agent": "TestBrowser/1.0"},
    )


def test_export_has_the_emails_we_sent_and_the_logins(client, submitted, after_commit):
    with after_commit():
        email_applicant(
            application=submitted, subject="Your application", body="Dear Ada, thank you."
        )
    log_in(client, submitted.applicant)

    data = json.loads(client.get(reverse("accounts:export_my_data")).content)

    # The submission's confirmation is logged with the submission; this one went out after.
    [email] = [e for e in data["applications"][0]["emails"] if e["subject"] == "Your application"]
    assert (email["subject"], email["body"], email["status"]) == (
        "Your application",
        "Dear Ada, thank you.",
        "sent",
    )
    [login] = data["logins"]
    assert (login["ip_address"], login["browser"]) == ("127.0.0.1", "TestBrowser/1.0")


def test_delete_account_removes_the_emails_and_login_records_that_name_the_student(
    client, submitted
):
    user, email = submitted.applicant, submitted.applicant.email
    other = ApplicationFactory()
    for application in [submitted, other]:
        email_applicant(application=application, subject="Your application", body="Dear …")
    log_in(client, other.applicant)
    client.logout()
    log_in(client, user, password="wrong")  # a failed attempt: axes keeps it by address
    assert AccessAttempt.objects.filter(username=email).exists()
    log_in(client, user)

    client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD})

    assert not EmailLog.objects.filter(to=email).exists()
    assert EmailLog.objects.filter(to=other.applicant.email).count() == 1
    assert not AccessLog.objects.filter(username=email).exists()
    assert not AccessAttempt.objects.filter(username=email).exists()
    assert AccessLog.objects.filter(username=other.applicant.email).exists()


def test_export_holds_only_my_data(client, submitted):
    other = ApplicationFactory()
    client.force_login(other.applicant)
    data = json.loads(client.get(reverse("accounts:export_my_data")).content)
    assert submitted.reference not in json.dumps(data)
    assert len(data["applications"]) == 1


def test_delete_account_needs_the_password(client, submitted):
    user = submitted.applicant
    client.force_login(user)
    response = client.post(reverse("accounts:delete_account"), {"password": "wrong"})
    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_account_removes_drafts_and_anonymises_submissions(
    client, submitted, django_capture_on_commit_callbacks
):
    user = submitted.applicant
    draft = complete_application(applicant=user)
    files = [d.file for d in ApplicationDocument.objects.all()]
    assert all(f.storage.exists(f.name) for f in files)
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD}, follow=True
        )

    assert "Your account has been deleted." in response.content.decode()
    assert not response.context["user"].is_authenticated
    assert not User.objects.filter(pk=user.pk).exists()
    assert not StudentProfile.objects.filter(user_id=user.pk).exists()
    assert not Application.objects.filter(pk=draft.pk).exists()
    kept = Application.objects.get(pk=submitted.pk)
    assert kept.applicant is None and kept.anonymised_at is not None
    assert kept.reference == submitted.reference and kept.state == ApplicationState.SUBMITTED
    assert kept.statement == "" and kept.answers == {}
    assert not kept.documents.exists()
    assert not any(f.storage.exists(f.name) for f in files)
    change = ApplicationStateChange.objects.get(application=kept)
    assert change.by is None and change.to_state == ApplicationState.SUBMITTED


def test_staff_still_see_the_anonymised_record_in_admin(client, submitted):
    user = submitted.applicant
    client.force_login(user)
    client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD})
    client.force_login(StaffFactory())
    page = client.get(reverse("admin:applications_application_changelist")).content.decode()
    assert submitted.reference in page
    assert user.email not in page


def test_privacy_pages_need_login(client):
    for name in ["export_my_data", "delete_account"]:
        response = client.get(reverse(f"accounts:{name}"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.fixture
def accepted(db):
    """An accepted place in an intake of one seat, with a manager and a reviewer."""
    intake = IntakeFactory(capacity=1, name="Summer 2027", program__title="ZIERIP")
    application = submitted_application(
        state=ApplicationState.ACCEPTED,
        intake=intake,
        applicant=StudentProfileFactory(user__language="en").user,
    )
    return application


def test_the_delete_page_says_what_happens_to_an_accepted_place(client, accepted):
    client.force_login(accepted.applicant)

    page = client.get(reverse("accounts:delete_account")).text

    assert (
        "Your place in ZIERIP (Summer 2027) is given up: the seat goes to another applicant, "
        "and the program&#x27;s managers are told."
    ) in page


def test_deleting_an_account_with_an_accepted_place_frees_the_seat_and_tells_the_managers(
    client, accepted, django_capture_on_commit_callbacks
):
    """The defect: the seat stayed held by "(deleted account)" and nobody was told."""
    manager = make_manager(email="manager@example.org", language="zh-hans")
    reviewer = make_reviewer(email="reviewer@example.org")
    waiting = submitted_application(state=ApplicationState.WAITLISTED, intake=accepted.intake)
    client.force_login(accepted.applicant)
    assert seats_left(accepted.intake) == 0

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD})

    kept = Application.objects.get(pk=accepted.pk)
    assert kept.applicant is None and kept.state == ApplicationState.WITHDRAWN
    assert kept.state_changes.get().from_state == ApplicationState.ACCEPTED
    assert seats_left(accepted.intake) == 1
    told = {message.to[0]: message for message in mail.outbox}
    assert reviewer.email not in told
    assert accepted.applicant.email not in told
    message = told[manager.email]
    assert message.subject == "ZIERIP（Summer 2027）有一个名额重新空出"
    assert f"{accepted.reference}" in message.body and "学生已删除账户" in message.body
    dashboard = reverse("admin:selection_intake_dashboard", args=[accepted.intake.pk])
    assert dashboard in message.body
    log = EmailLog.objects.get(to=manager.email)
    assert log.about == kept
    # The seat goes to the waitlist through the usual offer.
    application_make_offer(application=waiting, by=manager)


def test_nobody_can_be_offered_a_seat_for_a_deleted_account(accepted):
    record = submitted_application(
        state=ApplicationState.SHORTLISTED, intake=accepted.intake, applicant=None
    )
    Application.objects.filter(pk=accepted.pk).update(state=ApplicationState.DECLINED)

    with pytest.raises(ApplicationStateError, match="deleted their account"):
        application_make_offer(application=record, by=make_manager())


def test_a_student_who_gives_up_an_accepted_place_frees_it_and_managers_hear(
    client, accepted, django_capture_on_commit_callbacks
):
    manager = make_manager(email="manager@example.org")
    client.force_login(accepted.applicant)
    dashboard = client.get(reverse("applications:dashboard")).text
    assert reverse("applications:withdraw", args=[accepted.pk]) in dashboard

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("applications:withdraw", args=[accepted.pk]))

    accepted.refresh_from_db()
    assert accepted.state == ApplicationState.WITHDRAWN
    assert seats_left(accepted.intake) == 1
    [told] = [message for message in mail.outbox if message.to == [manager.email]]
    assert "The student gave up the place." in told.body
    assert "1 seat of this intake is free now." in told.body
