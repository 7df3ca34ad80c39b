"""The student's pages: start, steps that save and resume, submit once, follow, withdraw."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from applications.models import Application, ApplicationStateChange
from applications.services import application_save_supervisors, application_set_state
from applications.states import ApplicationState
from tests.applications.factories import STATEMENT, ApplicationFactory, complete_application
from tests.factories import (
    IntakeFactory,
    ProgramFactory,
    StaffFactory,
    StudentProfileFactory,
    SupervisorFactory,
    UserFactory,
)
from tests.page_builders import _phd_intake, _supervisors, _with_questions

pytestmark = pytest.mark.django_db
S = ApplicationState


@pytest.fixture
def student(client):
    user = StudentProfileFactory().user
    client.force_login(user)
    return user


def url(name, application, **kwargs):
    return reverse(f"applications:{name}", kwargs={"pk": application.pk, **kwargs})


def test_start_needs_login(client):
    intake = IntakeFactory()
    response = client.post(reverse("applications:start", kwargs={"intake_id": intake.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not Application.objects.exists()


def test_start_creates_one_draft_however_often_it_is_posted(client, student):
    intake = IntakeFactory()
    start = reverse("applications:start", kwargs={"intake_id": intake.pk})
    assert "Start application" in client.get(start).content.decode()
    first = client.post(start)
    second = client.post(start)
    application = Application.objects.get()
    assert first["Location"] == second["Location"] == url("resume", application)
    # Once started, the start link leads back to the draft.
    assert client.get(start)["Location"] == url("resume", application)


def test_start_on_a_closed_intake_is_refused(client, student):
    intake = IntakeFactory(
        opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=1)
    )
    response = client.post(
        reverse("applications:start", kwargs={"intake_id": intake.pk}), follow=True
    )
    assert "This intake is not open for applications." in response.content.decode()
    assert not Application.objects.exists()


def test_resume_goes_to_the_first_incomplete_step(client, student):
    application = ApplicationFactory(applicant=student)
    assert client.get(url("resume", application))["Location"] == url("step_statement", application)
    application.statement = STATEMENT
    application.save()
    assert client.get(url("resume", application))["Location"] == url("step_documents", application)


def test_resume_starts_at_the_profile_when_it_is_incomplete(client):
    profile = StudentProfileFactory(nationality="")
    client.force_login(profile.user)
    application = ApplicationFactory(applicant=profile.user)
    assert client.get(url("resume", application))["Location"] == url("step_profile", application)
    page = client.get(url("step_profile", application)).content.decode()
    assert "Complete your profile: nationality." in page


def test_the_statement_step_saves_answers_and_shows_limits(client, student):
    application = ApplicationFactory(applicant=student)
    question = application.intake.questions.create(label="Why Hangzhou?", kind="text")
    choice = application.intake.questions.create(
        label="Track", kind="choice", choices="AI\nCloud", required=False
    )
    page = client.get(url("step_statement", application)).content.decode()
    assert 'data-max-chars="5000"' in page and "Why Hangzhou? *" in page
    assert "js/char-counter.js" in page

    response = client.post(
        url("step_statement", application),
        {
            "statement": "Short draft",
            f"question_{question.pk}": "The lake",
            f"question_{choice.pk}": "AI",
        },
    )

    assert response["Location"] == url("step_documents", application)
    application.refresh_from_db()
    assert application.statement == "Short draft"
    assert application.answers == {str(question.pk): "The lake", str(choice.pk): "AI"}
    # Coming back, the saved text is there, and what is missing is said.
    page = client.get(url("step_statement", application)).content.decode()
    assert "Short draft" in page and "it needs at least 300" in page


def test_a_too_long_statement_is_refused_and_the_old_one_kept(client, student):
    application = ApplicationFactory(applicant=student, statement=STATEMENT)
    response = client.post(url("step_statement", application), {"statement": "x" * 5001})
    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    application.refresh_from_db()
    assert application.statement == STATEMENT


def test_the_supervisor_step_exists_only_for_phd(client, student):
    application = ApplicationFactory(applicant=student)
    assert client.get(url("step_supervisors", application))["Location"] == url(
        "resume", application
    )
    assert "Supervisors" not in client.get(url("step_profile", application)).content.decode()


def test_phd_supervisor_choices_are_ranked_and_distinct(client, student):
    application = ApplicationFactory(
        applicant=student, intake=IntakeFactory(program=ProgramFactory(kind="phd"))
    )
    first, second = SupervisorFactory(), SupervisorFactory()
    SupervisorFactory(is_active=False, name="Retired Expert")
    page = client.get(url("step_supervisors", application)).content.decode()
    assert "Retired Expert" not in page

    same = client.post(
        url("step_supervisors", application), {"choice_1": first.pk, "choice_2": first.pk}
    )
    assert "Choose each supervisor only once." in same.content.decode()
    gap = client.post(
        url("step_supervisors", application), {"choice_1": first.pk, "choice_3": second.pk}
    )
    assert "Fill in your second choice before your third." in gap.content.decode()
    assert not application.supervisor_choices.exists()

    ok = client.post(
        url("step_supervisors", application), {"choice_1": second.pk, "choice_2": first.pk}
    )
    assert ok["Location"] == url("review", application)
    assert [(c.rank, c.supervisor) for c in application.supervisor_choices.all()] == [
        (1, second),
        (2, first),
    ]


def test_review_lists_what_is_missing_and_submit_refuses(client, student):
    application = ApplicationFactory(applicant=student, statement=STATEMENT)
    page = client.get(url("review", application)).content.decode()
    assert "Upload your CV." in page
    response = client.post(url("review", application))
    assert response.status_code == 400
    assert "Your application was not submitted" in response.content.decode()
    application.refresh_from_db()
    assert application.state == S.DRAFT


def test_submit_shows_confirmation_and_emails_the_reference(
    client, student, django_capture_on_commit_callbacks
):
    application = complete_application(applicant=student)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("review", application), follow=True)
    application.refresh_from_db()
    assert response.redirect_chain[-1][0] == url("submitted", application)
    assert application.reference in response.content.decode()
    [email] = mail.outbox
    assert application.reference in email.body


def test_double_post_and_replay_submit_once(client, student, django_capture_on_commit_callbacks):
    application = complete_application(applicant=student)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url("review", application))
        second = client.post(url("review", application))
    assert first["Location"] == second["Location"] == url("submitted", application)
    assert ApplicationStateChange.objects.filter(to_state=S.SUBMITTED).count() == 1
    assert len(mail.outbox) == 1
    assert Application.objects.count() == 1


def test_a_submitted_application_is_read_only(client, student):
    application = complete_application(applicant=student, state=S.SUBMITTED)
    for step in ["step_statement", "step_documents", "step_profile"]:
        assert client.get(url(step, application))["Location"] == url("detail", application)
    client.post(url("step_statement", application), {"statement": "changed"})
    application.refresh_from_db()
    assert application.statement == STATEMENT
    assert (
        "Submitted applications are read-only."
        in client.get(url("detail", application)).content.decode()
    )


def test_other_students_applications_are_not_found(client, student):
    application = complete_application()
    for name in ["detail", "resume", "step_statement", "review", "withdraw", "offer_reply"]:
        assert client.get(url(name, application)).status_code == 404
    assert client.post(url("withdraw", application)).status_code == 404
    application.refresh_from_db()
    assert application.state == S.DRAFT


def test_withdraw_asks_first_then_withdraws(client, student):
    application = complete_application(applicant=student, state=S.SUBMITTED)
    page = client.get(url("withdraw", application)).content.decode()
    assert "Do you really want to withdraw" in page
    application.refresh_from_db()
    assert application.state == S.SUBMITTED

    response = client.post(url("withdraw", application), follow=True)

    assert "Your application has been withdrawn." in response.content.decode()
    application.refresh_from_db()
    assert application.state == S.WITHDRAWN


@pytest.mark.parametrize(
    "state, warning",
    [
        (S.ACCEPTED, "Withdrawing gives it up"),
        (S.OFFERED, "Withdrawing turns the offer down"),
        (S.SUBMITTED, None),
    ],
)
def test_withdrawing_a_place_or_an_offer_says_what_is_given_up(client, student, state, warning):
    application = complete_application(
        applicant=student, state=state, offer_reply_deadline=timezone.now() + timedelta(days=2)
    )
    page = client.get(url("withdraw", application)).content.decode()
    assert "Do you really want to withdraw" in page
    warnings = ["Withdrawing gives it up", "Withdrawing turns the offer down"]
    assert [text for text in warnings if text in page] == ([warning] if warning else [])


def test_withdraw_after_a_decision_is_refused(client, student):
    application = complete_application(applicant=student, state=S.REJECTED)
    response = client.post(url("withdraw", application), follow=True)
    assert "cannot go from" in response.content.decode()
    application.refresh_from_db()
    assert application.state == S.REJECTED


def test_accept_an_offer_before_the_deadline(client, student):
    application = complete_application(
        applicant=student,
        state=S.OFFERED,
        offer_reply_deadline=timezone.now() + timedelta(days=2),
    )
    dashboard = client.get(reverse("applications:dashboard")).content.decode()
    assert "Reply to the offer" in dashboard
    client.post(url("offer_reply", application), {"reply": "accept"})
    application.refresh_from_db()
    assert application.state == S.ACCEPTED


def test_decline_after_the_deadline_is_refused(client, student):
    application = complete_application(
        applicant=student,
        state=S.OFFERED,
        offer_reply_deadline=timezone.now() - timedelta(minutes=1),
    )
    assert (
        "Reply to the offer" not in client.get(reverse("applications:dashboard")).content.decode()
    )
    response = client.post(url("offer_reply", application), {"reply": "decline"}, follow=True)
    assert "The deadline to reply to this offer has passed." in response.content.decode()
    application.refresh_from_db()
    assert application.state == S.OFFERED


def test_a_lapsed_offer_says_what_to_do_instead_of_showing_a_past_deadline(client, student):
    complete_application(
        applicant=student,
        state=S.OFFERED,
        offer_reply_deadline=timezone.now() - timedelta(minutes=1),
    )
    page = client.get(reverse("applications:dashboard")).content.decode()
    assert "The reply deadline has passed, so the place may go to another applicant." in page
    assert "Accept or decline the offer before the deadline." not in page
    assert "<strong>Deadline:</strong>" not in page


def test_dashboard_shows_state_history_next_step_and_deadline(client, student):
    application = complete_application(applicant=student)
    application.submit(by=student)
    application.refresh_from_db()
    staff = StaffFactory()
    application_set_state(application=application, new_state=S.UNDER_REVIEW, by=staff)
    draft = ApplicationFactory(applicant=student)

    page = client.get(reverse("applications:dashboard")).content.decode()

    assert application.reference in page
    assert "Submitted" in page and "Under review" in page
    assert "Your application is being reviewed." in page
    assert draft.intake.program.title in page
    assert "Complete and submit your application before the deadline." in page
    assert (
        f'datetime="{timezone.localtime(draft.intake.closes_at).isoformat(timespec="seconds")}"'
        in page
    )


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_query_count_does_not_grow(client, student, count, django_assert_max_num_queries):
    for _ in range(count):
        application = complete_application(applicant=student)
        application.submit(by=student)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("applications:dashboard"))
    assert response.content.decode().count("View application") == count


def test_dashboard_needs_login(client):
    response = client.get(reverse("applications:dashboard"))
    assert response.status_code == 302


def test_a_student_sees_only_their_own_applications(client):
    complete_application()
    client.force_login(UserFactory())
    assert (
        "You have not started any application yet."
        in client.get(reverse("applications:dashboard")).content.decode()
    )


def test_a_user_without_a_profile_is_asked_to_fill_it_in(client):
    application = complete_application(applicant=UserFactory())
    client.force_login(application.applicant)
    page = client.get(url("step_profile", application))
    assert "Fill in your student profile." in page.content.decode()


def test_dashboard_says_when_a_draft_can_no_longer_be_submitted(client, student):
    intake = IntakeFactory(
        opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=1)
    )
    ApplicationFactory(applicant=student, intake=intake)
    page = client.get(reverse("applications:dashboard")).content.decode()
    assert "The intake has closed; this draft can no longer be submitted." in page
    assert "Deadline" not in page


def test_supervisor_choices_cannot_be_posted_for_other_programs(client, student):
    application = ApplicationFactory(applicant=student)
    response = client.post(
        url("step_supervisors", application), {"choice_1": SupervisorFactory().pk}
    )
    assert response["Location"] == url("resume", application)
    assert not application.supervisor_choices.exists()


def test_student_reaches_the_application_from_the_program_page_apply_button(client):
    """Catalog and applications meet: Apply → confirmation → a draft on the dashboard."""
    profile = StudentProfileFactory()
    intake = IntakeFactory(name="Summer 2027")
    client.force_login(profile.user)
    program_page = client.get(intake.program.get_absolute_url()).content.decode()
    start_url = reverse("applications:start", kwargs={"intake_id": intake.pk})
    assert f'href="{start_url}"' in program_page
    assert client.get(start_url).status_code == 200
    response = client.post(start_url, follow=True)
    assert response.status_code == 200
    dashboard = client.get(reverse("applications:dashboard")).content.decode()
    assert "Summer 2027" in dashboard
    assert (
        'href="/en/accounts/profile/"'
        in client.get(
            reverse("applications:step_profile", kwargs={"pk": profile.user.applications.get().pk})
        ).content.decode()
    )


@pytest.mark.parametrize("choices", [1, 3])
def test_review_page_query_count_does_not_grow_with_choices(
    client, student, choices, django_assert_max_num_queries
):
    """The step checks, the progress indicator and the summary share one read of the
    questions, documents and supervisor choices."""
    intake = _with_questions(_phd_intake())
    application = complete_application(applicant=student, intake=intake)
    supervisors = _supervisors(3)[:choices]
    application_save_supervisors(application=application, user=student, supervisors=supervisors)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("applications:review", args=[application.pk]))

    assert response.status_code == 200
    for supervisor in supervisors:
        assert supervisor.name in response.text
