from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import StudentProfile
from tests.factories import StudentProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE_URL = "/en/accounts/profile/"


def valid_data(**changes):
    data = {
        "given_name": "Wei",
        "family_name": "Li",
        "name_chinese": "李伟",
        "gender": "male",
        "date_of_birth": "2001-03-14",
        "nationality": "China",
        "university": "Zhejiang University",
        "degree_level": "master",
        "major": "Software Engineering",
        "expected_graduation": "2028-06-30",
        "phone": "+86 571 8795 1234",
    }
    data.update(changes)
    return data


@pytest.fixture
def student(client):
    profile = StudentProfileFactory(
        given_name="", family_name="", date_of_birth=None, user__email="wei@example.org"
    )
    client.force_login(profile.user)
    return profile


def test_profile_page_shows_the_email_and_the_form(client, student):
    html = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("accounts:profile") == PROFILE_URL
    assert "wei@example.org" in html and "Verified" in html
    for name in valid_data():
        assert f'name="{name}"' in html
    assert 'type="date"' in html


def test_a_valid_profile_is_saved_with_a_message(client, student):
    response = client.post(
        PROFILE_URL, valid_data(given_name="  Wei ", family_name="Li", phone="+86  571 8795 1234")
    )
    assert response.status_code == 302 and response.url == PROFILE_URL

    student.refresh_from_db()
    assert (student.given_name, student.family_name, student.name_chinese) == ("Wei", "Li", "李伟")
    assert student.date_of_birth == date(2001, 3, 14)
    assert student.phone == "+86 571 8795 1234"
    assert student.missing_fields() == []
    assert "Your profile has been saved." in client.get(PROFILE_URL).content.decode()


@pytest.mark.parametrize(
    "name", ["José", "Nguyễn Thị", "O'Brien", "Jean-Luc", "Müller", "Mary Ann", "Jr."]
)
def test_latin_names_with_accents_and_joiners_are_accepted(client, student, name):
    response = client.post(PROFILE_URL, valid_data(given_name=name))
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.given_name == name


@pytest.mark.parametrize("name", ["李", "Li2", "Иван", "Li_Wei", "-Li", "Li--Wei", "@"])
def test_a_family_name_not_in_latin_script_gets_a_clear_error_and_nothing_is_lost(
    client, student, name
):
    response = client.post(PROFILE_URL, valid_data(family_name=name))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Write the name in Latin letters as in your passport" in html
    assert "nothing has been saved yet" in html
    # Everything else the student typed is still in the form.
    assert 'value="Wei"' in html and 'value="Zhejiang University"' in html
    assert 'value="2001-03-14"' in html and 'value="+86 571 8795 1234"' in html
    assert "李伟" in html
    student.refresh_from_db()
    assert student.family_name == "" and student.university == "Zhejiang University"


@pytest.mark.parametrize("name", ["Li Wei", "李伟1", "李 伟x", "리웨이"])
def test_the_chinese_name_must_be_chinese_characters(client, student, name):
    response = client.post(PROFILE_URL, valid_data(name_chinese=name))
    assert response.status_code == 200
    assert "Use Chinese characters only" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "stored"), [("阿依古丽·买买提", "阿依古丽·买买提"), ("李 伟", "李伟")]
)
def test_chinese_names_with_a_middle_dot_or_stray_space_are_accepted(
    client, student, typed, stored
):
    assert client.post(PROFILE_URL, valid_data(name_chinese=typed)).status_code == 302
    student.refresh_from_db()
    assert student.name_chinese == stored


def test_the_chinese_name_may_stay_empty(client, student):
    assert client.post(PROFILE_URL, valid_data(name_chinese="")).status_code == 302


def test_a_date_of_birth_in_the_future_is_refused(client, student):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(PROFILE_URL, valid_data(date_of_birth=tomorrow.isoformat()))
    assert "The date of birth must be in the past." in response.content.decode()
    student.refresh_from_db()
    assert student.date_of_birth is None


@pytest.mark.parametrize("born", ["1900-01-01", "2024-01-01"])
def test_an_implausible_date_of_birth_is_refused(client, student, born):
    response = client.post(PROFILE_URL, valid_data(date_of_birth=born))
    assert "Please check the date of birth" in response.content.decode()
    assert 'value="Zhejiang University"' in response.content.decode()


def test_a_date_that_is_not_a_date_gets_an_error(client, student):
    response = client.post(PROFILE_URL, valid_data(date_of_birth="14/31/2001"))
    assert "Enter a valid date." in response.content.decode()


@pytest.mark.parametrize("typed", ["2001-02-31", "20010214", "14/31/2001"])
def test_an_impossible_date_comes_back_as_an_empty_date_field_with_its_error(
    client, student, typed
):
    # A date input may only hold a real YYYY-MM-DD date; the rest of the form is kept.
    html = client.post(PROFILE_URL, valid_data(date_of_birth=typed)).content.decode()
    assert "Enter a valid date." in html
    assert f'value="{typed}"' not in html
    assert 'type="date" name="date_of_birth" autocomplete="bday"' in html
    assert 'value="2028-06-30"' in html and 'value="Software Engineering"' in html


def test_a_graduation_far_in_the_future_is_refused(client, student):
    response = client.post(PROFILE_URL, valid_data(expected_graduation="2099-06-30"))
    assert "Please check the graduation date" in response.content.decode()


def test_graduation_must_come_well_after_birth(client, student):
    response = client.post(
        PROFILE_URL, valid_data(date_of_birth="2001-03-14", expected_graduation="2010-06-30")
    )
    assert "The graduation date must be well after the date of birth." in (
        response.content.decode()
    )


@pytest.mark.parametrize("phone", ["+86 571 8795 1234", "(0571) 8795-1234", "13812345678"])
def test_phone_numbers_in_common_formats_are_accepted(client, student, phone):
    assert client.post(PROFILE_URL, valid_data(phone=phone)).status_code == 302


@pytest.mark.parametrize("phone", ["12345", "call me", "+86 571 +8795", "1234567890123456"])
def test_a_phone_number_in_an_odd_format_gets_a_clear_error(client, student, phone):
    response = client.post(PROFILE_URL, valid_data(phone=phone))
    assert "Enter a phone number with its country code" in response.content.decode()
    student.refresh_from_db()
    assert student.phone == "+86 571 8795 1234"


def test_a_profile_may_be_saved_part_filled(client, student):
    response = client.post(PROFILE_URL, {"given_name": "Wei"})
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.given_name == "Wei" and student.university == ""


def test_an_account_made_in_the_admin_gets_its_profile_on_first_save(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(PROFILE_URL).status_code == 200
    assert not StudentProfile.objects.filter(user=user).exists()

    assert client.post(PROFILE_URL, valid_data()).status_code == 302
    assert StudentProfile.objects.get(user=user).family_name == "Li"


def test_a_student_edits_only_their_own_profile(client, student):
    other = StudentProfileFactory(family_name="Zhang")
    client.post(PROFILE_URL, valid_data(family_name="Chen"))
    other.refresh_from_db()
    student.refresh_from_db()
    assert other.family_name == "Zhang" and student.family_name == "Chen"


def test_the_profile_page_is_a_few_queries(client, student, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(PROFILE_URL)


def test_the_language_of_our_emails_is_on_the_profile_page_and_saved(client, student):
    html = client.get(PROFILE_URL).content.decode()
    assert "Language of our emails" in html
    assert '<option value="en" selected>English</option>' in html
    assert '<option value="zh-hans">简体中文</option>' in html

    response = client.post(PROFILE_URL, valid_data(language="zh-hans"))

    assert response.status_code == 302
    student.user.refresh_from_db()
    assert student.user.language == "zh-hans"
    assert '<option value="zh-hans" selected>简体中文</option>' in client.get(PROFILE_URL).text


def test_an_unknown_language_is_refused_with_a_clear_error(client, student):
    response = client.post(PROFILE_URL, valid_data(language="fr", family_name="Chen"))

    assert response.status_code == 200
    assert "We do not write emails in “fr”. Choose a language from the list." in response.text
    student.refresh_from_db()
    student.user.refresh_from_db()
    assert student.family_name == "" and student.user.language == "en"


def test_a_post_without_the_language_keeps_it(client, student):
    student.user.language = "zh-hans"
    student.user.save()

    assert client.post(PROFILE_URL, valid_data()).status_code == 302

    student.user.refresh_from_db()
    assert student.user.language == "zh-hans"
