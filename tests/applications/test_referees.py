"""The student's side of referees: naming them, what submission needs, reminders and
replacements, and each letter's status without its content."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.models import Referee
from applications.referees.services import MAX_REMINDERS, REMINDER_INTERVAL
from applications.states import ApplicationState
from mail.models import EmailLog
from tests.applications.factories import (
    RefereeFactory,
    complete_application,
    intake_with_referees,
    received_letter,
)
from tests.factories import StudentProfileFactory

pytestmark = pytest.mark.django_db

LETTER = "I have known the applicant for three years as their thesis supervisor. " * 3


@pytest.fixture
def student(client):
    user = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    client.force_login(user)
    return user


@pytest.fixture
def application(student):
    return complete_application(
        applicant=student, intake=intake_with_referees(2, program__title="ZIERIP")
    )


def step_url(application):
    return reverse("applications:step_referees", kwargs={"pk": application.pk})


def referee_data(**overrides):
    return {
        "name": "Prof. Li Hua",
        "email": "li.hua@university.example.org",
        "institution": "Zhejiang University",
        "relationship": "Supervisor of my bachelor's thesis",
        "language": "en",
        **overrides,
    }


def invite(post, application, **overrides):
    return post(step_url(application), referee_data(**overrides))


@pytest.fixture
def post(client, after_commit):
    """Posts as the browser does, with the emails the request sends after its commit."""

    def post(url, data=None, **kwargs):
        with after_commit():
            return client.post(url, data or {}, **kwargs)

    return post


def remind_url(referee):
    return reverse(
        "applications:referee_remind",
        kwargs={"pk": referee.application_id, "referee_id": referee.pk},
    )


def replace_url(referee):
    return reverse(
        "applications:referee_replace",
        kwargs={"pk": referee.application_id, "referee_id": referee.pk},
    )


def test_the_referee_step_is_part_of_the_form_only_where_the_intake_asks(client, student):
    without = complete_application(applicant=student)
    response = client.get(step_url(without))
    assert response["Location"] == reverse("applications:resume", kwargs={"pk": without.pk})

    with_referees = complete_application(applicant=student, intake=intake_with_referees(2))
    page = client.get(step_url(with_referees)).text
    assert "This intake asks for 2 recommendation letters" in page
    assert "Name 2 referees (0 named so far)." in page
    # Resuming the draft lands on the step that still lacks something.
    resume = reverse("applications:resume", kwargs={"pk": with_referees.pk})
    assert client.get(resume)["Location"] == step_url(with_referees)


def test_naming_a_referee_emails_them_a_private_link(client, post, application, mailoutbox):
    response = invite(post, application)

    assert response["Location"] == step_url(application)  # one more to name
    referee = Referee.objects.get()
    assert (referee.name, referee.status) == ("Prof. Li Hua", "invited")
    [message] = mailoutbox
    assert message.to == ["li.hua@university.example.org"]
    assert message.subject == "Recommendation letter for Mei Wang: ZIERIP"
    assert message.body.startswith("Dear Prof. Li Hua,\n\nMei Wang is applying to ZIERIP")
    assert "has named you as a referee (Supervisor of my bachelor's thesis)" in message.body
    assert "\nhttp://127.0.0.1:8000/en/applications/letters/" in message.body
    log = EmailLog.objects.get()
    assert (log.about, log.recipient) == (referee, None)

    page = client.get(step_url(application)).text
    assert "Name 2 referees (1 named so far)." in page
    assert "Invited on" in page


def test_the_step_continues_once_every_referee_is_named(client, post, application):
    invite(post, application)
    response = invite(post, application, name="Dr. Chen", email="chen@alibaba.example.com")
    assert response["Location"] == reverse("applications:review", kwargs={"pk": application.pk})
    page = client.get(step_url(application)).text
    assert "Invite a referee" not in page and "Continue" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"email": "not-an-address"}, "Enter a valid email address.", id="address"),
        pytest.param({"name": ""}, "This field is required.", id="name"),
        pytest.param(
            {"email": "LI.HUA@university.example.org"},
            "You have already named a referee with this email address.",
            id="same-referee",
        ),
    ],
)
def test_bad_referee_details_are_refused_and_kept_in_the_form(
    client, post, application, overrides, message, mailoutbox
):
    invite(post, application)
    response = invite(post, application, institution="Tsinghua University", **overrides)
    assert response.status_code == 400
    assert message in response.text
    assert "Tsinghua University" in response.text  # what was typed is not lost
    assert Referee.objects.count() == 1 and len(mailoutbox) == 1


def test_the_student_cannot_be_their_own_referee(client, post, application, student):
    response = invite(post, application, email=student.email.upper())
    assert "A referee must be someone else" in response.text
    assert not Referee.objects.exists()


def test_no_more_referees_than_the_intake_asks_for(client, post, student):
    application = complete_application(applicant=student, intake=intake_with_referees(1))
    invite(post, application)
    response = invite(post, application, email="second@example.org")
    # The form is gone once all are named: the post moves on to the next step.
    assert response.status_code == 302
    assert Referee.objects.count() == 1


def test_submission_waits_for_the_letters_unless_the_intake_allows_it(client, post, application):
    first = RefereeFactory(application=application, name="Prof. Li Hua")
    RefereeFactory(application=application, name="Dr. Chen")
    received_letter(first)
    review = reverse("applications:review", kwargs={"pk": application.pk})

    response = client.post(review)
    assert response.status_code == 400
    assert (
        "Your application can be submitted once these letters have arrived: Dr. Chen."
        in response.text
    )

    application.intake.submit_before_letters = True
    application.intake.save()
    assert client.post(review)["Location"] == reverse(
        "applications:submitted", kwargs={"pk": application.pk}
    )
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED


def test_the_student_sees_each_letters_status_but_never_its_content(client, application):
    received = RefereeFactory(application=application, name="Prof. Li Hua")
    opened = RefereeFactory(application=application, name="Dr. Chen", opened_at=timezone.now())
    received_letter(received, text=LETTER)
    application.intake.submit_before_letters = True
    application.intake.save()
    application.submit(by=application.applicant)

    page = client.get(application.get_absolute_url()).text
    assert "Letter received on" in page and "Opened the link on" in page
    assert LETTER[:40] not in page
    assert "letter.pdf" not in page
    assert f'href="{remind_url(opened)}"' not in page  # a button posts it
    assert f'action="{remind_url(opened)}"' in page
    assert f'action="{remind_url(received)}"' not in page
    assert f'href="{replace_url(received)}"' not in page


def test_a_reminder_goes_once_a_day_and_at_most_three_times(
    client, post, application, mailoutbox, time_machine
):
    referee = RefereeFactory(application=application, name="Dr. Chen")
    time_machine.move_to(timezone.now(), tick=False)

    response = post(remind_url(referee), follow=True)
    assert "We have reminded Dr. Chen by email." in response.text
    [message] = mailoutbox
    assert message.subject.startswith("Reminder: recommendation letter for Mei Wang")
    assert "Mei Wang asked us to remind you" in message.body

    again = post(remind_url(referee), follow=True)
    assert "you can send another reminder after" in again.text
    assert len(mailoutbox) == 1

    for _ in range(MAX_REMINDERS - 1):
        time_machine.shift(REMINDER_INTERVAL)
        post(remind_url(referee))
    assert len(mailoutbox) == MAX_REMINDERS
    time_machine.shift(REMINDER_INTERVAL)
    refused = post(remind_url(referee), follow=True)
    assert f"You have reminded Dr. Chen {MAX_REMINDERS} times, the most we send." in refused.text
    assert len(mailoutbox) == MAX_REMINDERS


def test_replacing_a_referee_withdraws_their_link_and_invites_the_new_one(
    client, post, application, mailoutbox
):
    old = RefereeFactory(application=application, name="Dr. Chen")
    RefereeFactory(application=application)
    assert "has not sent a letter yet" in client.get(replace_url(old)).text

    response = post(
        replace_url(old), referee_data(name="Prof. Zhao", email="zhao@example.org"), follow=True
    )

    assert "Dr. Chen is replaced; we have emailed Prof. Zhao a link for the letter." in (
        response.text
    )
    old.refresh_from_db()
    assert old.status == "replaced"
    new = Referee.objects.current().get(name="Prof. Zhao")
    [message] = mailoutbox
    assert message.to == ["zhao@example.org"]
    assert "Replaced on" in response.text
    # The replaced referee's request no longer counts.
    assert [r.name for r in application.referees.current()].count("Dr. Chen") == 0
    assert new.application == application


def test_a_referee_who_sent_the_letter_cannot_be_replaced(client, post, application):
    referee = RefereeFactory(application=application)
    received_letter(referee)
    response = post(replace_url(referee), referee_data(email="other@example.org"))
    assert response["Location"] == step_url(application)
    assert Referee.objects.count() == 1


def test_a_bad_replacement_is_refused_and_the_old_referee_kept(client, post, application):
    old = RefereeFactory(application=application)
    response = post(replace_url(old), referee_data(email="nope"))
    assert response.status_code == 400
    old.refresh_from_db()
    assert old.replaced_at is None


def test_referees_cannot_change_after_the_letters_are_due(
    client, post, application, mailoutbox, time_machine
):
    referee = RefereeFactory(application=application)
    application.intake.letters_due_at = timezone.now() + timedelta(hours=1)
    application.intake.save()
    time_machine.move_to(application.intake.letters_due_at + timedelta(minutes=1))

    response = post(remind_url(referee), follow=True)

    assert "Referees can no longer be changed for this application." in response.text
    assert mailoutbox == []
    assert client.get(replace_url(referee))["Location"] == step_url(application)


def test_students_cannot_touch_other_students_referees(client, post, student):
    other = RefereeFactory()
    assert post(remind_url(other)).status_code == 404
    assert client.get(replace_url(other)).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_referee_step_query_count_does_not_grow(
    client, student, count, django_assert_max_num_queries
):
    application = complete_application(applicant=student, intake=intake_with_referees(3))
    for _ in range(count):
        RefereeFactory(application=application)
    with django_assert_max_num_queries(10):
        response = client.get(step_url(application))
    assert response.text.count("Invited on") == count


def test_emails_to_a_referee_are_in_the_language_the_student_chose(
    client, post, application, mailoutbox
):
    invite(post, application, language="zh-hans")
    [message] = mailoutbox
    assert message.subject == "推荐信：Mei Wang 申请 ZIERIP"
    assert "尊敬的 Prof. Li Hua：" in message.body
