"""Staff read referees' letters on the application's page, on the same terms as its
documents: managers, and reviewers assigned to it; never the student."""

import pytest
from django.urls import reverse

from tests.applications.factories import RefereeFactory, intake_with_referees, received_letter
from tests.selection.factories import assign, make_manager, make_reviewer, submitted_application

pytestmark = pytest.mark.django_db

TEXT = "Ms Wang was the best student of her year in my course on distributed systems. " * 3


@pytest.fixture
def application():
    return submitted_application(intake=intake_with_referees(2))


@pytest.fixture
def pdf_letter(application):
    return received_letter(RefereeFactory(application=application, name="Prof. Li Hua"))


@pytest.fixture
def text_letter(application):
    referee = RefereeFactory(application=application, name="Dr. Chen")
    return received_letter(referee, text=TEXT, language="en")


def letter_url(letter):
    return reverse(
        "admin:applications_application_letter",
        args=[letter.referee.application_id, letter.referee_id],
    )


def change_url(application):
    return reverse("admin:applications_application_change", args=[application.pk])


def test_the_application_page_shows_which_letters_are_in(client, application, pdf_letter):
    RefereeFactory(application=application, name="Dr. Waiting")
    client.force_login(make_manager())
    page = client.get(change_url(application)).text
    assert "Referees and letters" in page
    assert "Prof. Li Hua" in page and "Dr. Waiting" in page
    assert "Received" in page and "Invited" in page
    assert letter_url(pdf_letter) in page


def test_a_manager_downloads_a_pdf_letter_and_reads_a_written_one(client, pdf_letter, text_letter):
    client.force_login(make_manager())

    pdf = client.get(letter_url(pdf_letter))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pdf["Cache-Control"]
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")

    text = client.get(letter_url(text_letter))
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    assert text.content.decode() == TEXT
    assert "no-store" in text["Cache-Control"]


def test_an_assigned_reviewer_reads_letters_and_other_reviewers_do_not(
    client, application, text_letter
):
    assigned = make_reviewer()
    assign(application, assigned)
    client.force_login(assigned)
    assert client.get(letter_url(text_letter)).status_code == 200
    assert letter_url(text_letter) in client.get(change_url(application)).text

    client.force_login(make_reviewer())
    assert client.get(letter_url(text_letter)).status_code == 403


def test_the_student_cannot_read_their_letters(client, application, text_letter, pdf_letter):
    client.force_login(application.applicant)
    for letter in [text_letter, pdf_letter]:
        response = client.get(letter_url(letter))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    for page in [application.get_absolute_url(), reverse("applications:dashboard")]:
        html = client.get(page).text
        assert TEXT[:30] not in html and letter_url(text_letter) not in html


def test_a_letter_is_only_found_under_its_own_application(client, text_letter):
    other = submitted_application()
    client.force_login(make_manager())
    url = reverse("admin:applications_application_letter", args=[other.pk, text_letter.referee_id])
    assert client.get(url).status_code == 404
