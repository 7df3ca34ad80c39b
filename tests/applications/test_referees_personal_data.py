"""A student's data download names their referees and each letter's status, never a letter;
deleting the account removes the referees, their letters and our emails to them."""

import json

import pytest
from django.urls import reverse

from applications.models import RecommendationLetter, Referee
from applications.referees import emails
from mail.models import EmailLog
from tests.applications.factories import RefereeFactory, intake_with_referees, received_letter
from tests.factories import DEFAULT_PASSWORD
from tests.selection.factories import submitted_application

pytestmark = pytest.mark.django_db

TEXT = "A confidential assessment of the applicant's research, for the committee only. " * 3


@pytest.fixture
def application():
    return submitted_application(intake=intake_with_referees(2))


def test_the_export_lists_referees_and_letter_status_but_no_letter(client, application):
    received = RefereeFactory(application=application, name="Prof. Li Hua")
    received_letter(received, text=TEXT)
    RefereeFactory(application=application, name="Dr. Chen")
    client.force_login(application.applicant)

    response = client.get(reverse("accounts:export_my_data"))

    data = json.loads(response.content)
    referees = data["applications"][0]["referees"]
    assert [(r["name"], r["letter_status"]) for r in referees] == [
        ("Prof. Li Hua", "received"),
        ("Dr. Chen", "invited"),
    ]
    assert referees[0]["institution"] == "Zhejiang University"
    assert TEXT[:30] not in response.content.decode()


def test_deleting_the_account_removes_referees_letters_and_their_emails(
    client, application, after_commit
):
    referee = RefereeFactory(application=application)
    letter = received_letter(referee)
    emails.send_invitation(referee.pk)
    other = RefereeFactory()
    emails.send_invitation(other.pk)
    stored = letter.file
    assert stored.storage.exists(stored.name)
    client.force_login(application.applicant)

    with after_commit():
        client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD})

    assert list(Referee.objects.all()) == [other]
    assert not RecommendationLetter.objects.exists()
    assert not stored.storage.exists(stored.name)
    assert [log.to for log in EmailLog.objects.all()] == [other.email]


def test_the_privacy_notice_tells_applicants_about_referees_letters_and_interviews(client):
    page = client.get(reverse("privacy")).text
    assert "Your referees, if an intake asks for letters" in page
    assert "you see whether a letter has arrived, not what it says" in page
    assert "Deleting your account also deletes your referees, their letters" in page
