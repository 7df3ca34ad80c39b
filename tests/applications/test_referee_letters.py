"""The referee's page, reached by the signed link without an account: it shows whom the
letter is for and nothing else, takes a PDF or a text once, and refuses links that were
altered, have expired or were withdrawn."""

from datetime import timedelta

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from accounts.services import make_verification_token
from applications.models import RecommendationLetter
from applications.referees.links import LINK_SALT, referee_token
from tests.applications.factories import (
    ApplicationFactory,
    DocumentFactory,
    RefereeFactory,
    intake_with_referees,
    received_letter,
)
from tests.factories import StudentProfileFactory
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db

LETTER = "我担任申请人本科毕业论文的指导教师，对其研究能力和学习态度有深入了解。" * 4


@pytest.fixture
def referee():
    applicant = StudentProfileFactory(given_name="Mei", family_name="Wang").user
    application = ApplicationFactory(
        applicant=applicant,
        intake=intake_with_referees(2, program__title="ZIERIP", name="Summer 2027"),
        statement="My secret motivation statement.",
    )
    DocumentFactory(application=application, original_name="mei-cv.pdf")
    RefereeFactory(application=application, name="Other Referee")
    return RefereeFactory(application=application, name="Prof. Li Hua")


def letter_url(referee_or_token):
    token = (
        referee_or_token if isinstance(referee_or_token, str) else referee_token(referee_or_token)
    )
    return reverse("applications:referee_letter", kwargs={"token": token})


def pdf(name="letter.pdf", content=None):
    return SimpleUploadedFile(
        name, minimal_pdf() if content is None else content, content_type="application/pdf"
    )


def test_the_referee_sees_whom_the_letter_is_for_and_nothing_else(client, referee):
    response = client.get(letter_url(referee))

    assert response.status_code == 200
    page = response.text
    assert "Mei Wang" in page and "ZIERIP" in page and "Summer 2027" in page
    assert "Supervisor of my bachelor&#x27;s thesis" in page
    applicant = referee.application.applicant
    for private in [applicant.email, "My secret motivation statement.", "mei-cv.pdf"]:
        assert private not in page
    assert "Other Referee" not in page
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    referee.refresh_from_db()
    assert referee.status == "opened"
    # The link logs nobody in: the student's pages still ask for a login.
    assert client.get(reverse("applications:dashboard")).status_code == 302


def test_a_pdf_letter_is_received_once(client, referee, private_media):
    response = client.post(letter_url(referee), {"language": "en", "file": pdf()})

    assert response["Location"] == letter_url(referee)
    letter = RecommendationLetter.objects.get()
    assert (letter.referee, letter.language, letter.original_name) == (referee, "en", "letter.pdf")
    assert (private_media / letter.file.name).read_bytes() == minimal_pdf()
    referee.refresh_from_db()
    assert referee.status == "received"
    page = client.get(letter_url(referee)).text
    assert "Thank you. We received your letter" in page
    assert 'type="file"' not in page

    again = client.post(letter_url(referee), {"language": "en", "text": LETTER})
    assert again.status_code == 302
    assert RecommendationLetter.objects.count() == 1


def test_a_letter_can_be_written_on_the_page_in_chinese(client, referee):
    client.post(letter_url(referee), {"language": "zh-hans", "text": LETTER})
    letter = RecommendationLetter.objects.get()
    assert (letter.language, letter.text, bool(letter.file)) == ("zh-hans", LETTER, False)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            {"file": pdf("letter.pdf", b"not a pdf at all")},
            "The file letter.pdf is not a PDF document.",
            id="not-a-pdf",
        ),
        pytest.param({"file": pdf("empty.pdf", b"")}, "The file empty.pdf is empty.", id="empty"),
        pytest.param({}, "Upload your letter as a PDF or write it below.", id="nothing"),
        pytest.param(
            {"file": pdf(), "text": LETTER}, "Upload a PDF or write the letter, not both", id="both"
        ),
        pytest.param({"text": "Good."}, "it needs at least 100", id="too-short"),
    ],
)
def test_a_bad_letter_is_refused_with_a_clear_error_and_keeps_the_text(
    client, referee, data, message
):
    response = client.post(letter_url(referee), {"language": "en", **data})
    assert response.status_code == 400
    assert message in response.text
    if "text" in data:
        assert data["text"][:20] in response.text
    assert not RecommendationLetter.objects.exists()
    referee.refresh_from_db()
    assert referee.received_at is None


def test_a_link_expires_when_the_letters_are_due(client, referee, time_machine):
    intake = referee.application.intake
    time_machine.move_to(intake.letters_due_at, tick=False)

    shown = client.get(letter_url(referee))
    posted = client.post(letter_url(referee), {"language": "en", "file": pdf()})

    assert shown.status_code == posted.status_code == 410
    assert "This link has expired" in shown.text
    assert "Mei Wang" not in shown.text
    assert not RecommendationLetter.objects.exists()


def test_an_altered_link_is_refused(client, referee):
    token = referee_token(referee)
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    other_number = signing.dumps({"referee": referee.pk - 1}, salt="another.salt")
    for bad in [
        altered,
        "not-a-token",
        other_number,
        make_verification_token(referee.application.applicant),
    ]:
        response = client.get(letter_url(bad))
        assert response.status_code == 404, bad
        assert "This link is not valid." in response.text
        assert "Mei Wang" not in response.text


def test_a_link_names_one_referee_and_only_opens_that_one(client, referee):
    other = referee.application.referees.exclude(pk=referee.pk).get()
    client.post(letter_url(referee), {"language": "en", "file": pdf()})
    assert RecommendationLetter.objects.get().referee == referee
    other.refresh_from_db()
    assert other.received_at is None and other.opened_at is None


def test_the_link_of_a_replaced_referee_is_withdrawn(client, referee):
    referee.replaced_at = timezone.now()
    referee.save()
    response = client.post(letter_url(referee), {"language": "en", "file": pdf()})
    assert response.status_code == 410
    assert "The applicant has withdrawn this request" in response.text
    assert not RecommendationLetter.objects.exists()


def test_links_are_unguessable_and_signed_for_letters_only(referee):
    token = referee_token(referee)
    assert len(token) > 60
    assert signing.loads(token, salt=LINK_SALT) == {"referee": referee.pk}
    with pytest.raises(signing.BadSignature):
        signing.loads(token, salt="accounts.verify_email")


def test_the_referee_page_is_in_chinese_for_a_chinese_visitor(client, referee):
    with translation.override("zh-hans"):
        page = client.get(letter_url(referee)).text
    assert '<html lang="zh-hans"' in page
    assert "推荐信" in page


def test_a_received_letter_is_thanked_for_even_after_the_deadline(client, referee, time_machine):
    received_letter(referee)
    time_machine.move_to(referee.application.intake.letters_due_at + timedelta(days=1))
    response = client.get(letter_url(referee))
    assert response.status_code == 200
    assert "Thank you. We received your letter" in response.text
