"""The staff search of applications: every word in any of the applicant's columns, each
application once, a query count that does not grow, and indexes PostgreSQL uses."""

import pytest
from django.db import connection
from django.urls import reverse

from accounts.personal_data import user_delete_account
from applications.models import Application
from selection.selectors import matching, search_terms
from tests.factories import IntakeFactory, StudentProfileFactory, UserFactory
from tests.selection.factories import bulk_applications, make_manager, submitted_application

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:applications_application_changelist")


def shown(response):
    return {application.reference for application in response.context["cl"].result_list}


@pytest.fixture
def two_applicants():
    """Two applicants who differ in every searched column."""
    first = StudentProfileFactory(
        user=UserFactory(email="mei.lin@zju.edu.cn", first_name="Mei", last_name="Lin"),
        given_name="Meihua",
        family_name="Linwood",
        name_chinese="林美华",
        university="Zhejiang University",
    )
    second = StudentProfileFactory(
        user=UserFactory(email="tom.berg@fudan.edu.cn", first_name="Tom", last_name="Berg"),
        given_name="Thomas",
        family_name="Bergman",
        name_chinese="汤姆",
        university="Fudan University",
    )
    return (
        submitted_application(applicant=first.user),
        submitted_application(applicant=second.user),
    )


@pytest.mark.parametrize(
    "term",
    [
        "MEI.LIN@ZJU",  # email, any case
        "mei",  # account first name
        "lin",  # account last name (also in the email and the family name: shown once)
        "meihua",  # profile given name
        "linwood",  # profile family name
        "美华",  # Chinese name
        "zhejiang",  # university
    ],
)
def test_each_searched_column_finds_its_applicant(manager_client, two_applicants, term):
    first, second = two_applicants

    response = manager_client.get(CHANGELIST, {"q": term})

    assert response.status_code == 200
    assert shown(response) == {first.reference}
    assert [a.pk for a in response.context["cl"].result_list] == [first.pk]


def test_a_reference_finds_its_application(manager_client, two_applicants):
    first, second = two_applicants

    response = manager_client.get(CHANGELIST, {"q": second.reference.lower()})

    assert shown(response) == {second.reference}


def test_every_word_must_match_though_in_different_tables(manager_client, two_applicants):
    first, second = two_applicants

    both = manager_client.get(CHANGELIST, {"q": "thomas fudan"})  # profile and university
    crossed = manager_client.get(CHANGELIST, {"q": "thomas zhejiang"})

    assert shown(both) == {second.reference}
    assert shown(crossed) == set()
    assert "0 results" in crossed.text


def test_a_quoted_phrase_is_one_word(manager_client, two_applicants):
    first, second = two_applicants

    phrase = manager_client.get(CHANGELIST, {"q": '"Fudan University"'})
    split = manager_client.get(CHANGELIST, {"q": "Fudan University"})
    reversed_phrase = manager_client.get(CHANGELIST, {"q": '"University Fudan"'})

    assert shown(phrase) == shown(split) == {second.reference}
    assert shown(reversed_phrase) == set()


def test_an_empty_search_lists_every_application(manager_client, two_applicants):
    response = manager_client.get(CHANGELIST, {"q": "   "})

    assert shown(response) == {application.reference for application in two_applicants}


def test_a_deleted_account_is_listed_but_never_matched_by_name(manager_client, two_applicants):
    first, second = two_applicants
    Application.objects.filter(pk=first.pk).update(applicant=None)

    by_name = manager_client.get(CHANGELIST, {"q": "meihua"})
    by_reference = manager_client.get(CHANGELIST, {"q": first.reference})

    assert shown(by_name) == set()
    assert shown(by_reference) == {first.reference}
    assert "(deleted account)" in by_reference.text


def test_the_search_follows_what_the_student_changes(manager_client, two_applicants):
    first, second = two_applicants
    profile = first.applicant.profile
    profile.family_name = "Harrington"
    profile.save()
    user = first.applicant
    user.email = "mei.h@alibaba-inc.com"
    user.save(update_fields=["email"])

    assert shown(manager_client.get(CHANGELIST, {"q": "harrington"})) == {first.reference}
    assert shown(manager_client.get(CHANGELIST, {"q": "alibaba-inc"})) == {first.reference}
    assert shown(manager_client.get(CHANGELIST, {"q": "linwood"})) == set()
    assert shown(manager_client.get(CHANGELIST, {"q": "mei.lin@"})) == set()


def test_the_profile_page_edit_is_searchable_at_once(client, manager_client, two_applicants):
    first, second = two_applicants
    user = first.applicant
    client.force_login(user)
    profile = user.profile
    data = {name: getattr(profile, name) or "" for name in profile.STUDENT_FIELDS}
    data |= {"university": "Tsinghua University", "language": "en"}
    response = client.post(reverse("accounts:profile"), data)
    assert response.status_code == 302
    client.force_login(make_manager())

    assert shown(client.get(CHANGELIST, {"q": "tsinghua"})) == {first.reference}
    assert shown(client.get(CHANGELIST, {"q": "zhejiang"})) == set()


def test_a_deleted_profile_is_no_longer_searched(manager_client, two_applicants):
    first, second = two_applicants
    first.applicant.profile.delete()

    assert shown(manager_client.get(CHANGELIST, {"q": "meihua"})) == set()
    assert shown(manager_client.get(CHANGELIST, {"q": "mei.lin@"})) == {first.reference}


def test_a_deleted_account_leaves_nothing_to_find_it_by(manager_client, two_applicants):
    first, second = two_applicants
    user_delete_account(user=first.applicant)

    for term in ["meihua", "linwood", "mei.lin@", "美华", "zhejiang"]:
        assert shown(manager_client.get(CHANGELIST, {"q": term})) == set()
    assert shown(manager_client.get(CHANGELIST, {"q": first.reference})) == {first.reference}


def test_the_search_box_says_where_it_looks(manager_client):
    response = manager_client.get(CHANGELIST)

    assert 'name="q"' in response.text
    assert "put a phrase in quotes" in response.text


def test_search_terms_split_like_the_admin():
    assert search_terms(" Wang  \"Zhe Jiang\" 'li ming' ") == ["Wang", "Zhe Jiang", "li ming"]
    assert search_terms('""') == []


def test_searching_a_large_intake_costs_the_same_queries(
    manager_client, django_assert_max_num_queries
):
    small = IntakeFactory()
    bulk_applications(small, 3)
    with django_assert_max_num_queries(15) as few:
        manager_client.get(CHANGELIST, {"intake": small.pk, "q": "Bulk 1"})

    big = IntakeFactory()
    bulk_applications(big, 2_000)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = manager_client.get(CHANGELIST, {"intake": big.pk, "q": "Bulk 1"})

    assert response.status_code == 200
    assert response.context["cl"].result_count > 100


@pytest.mark.postgres
def test_postgresql_answers_the_search_from_trigram_indexes(two_applicants):
    if connection.vendor != "postgresql":
        pytest.skip("Trigram indexes are PostgreSQL's (pg_trgm); other databases scan.")
    queryset = matching(Application.objects.all(), "meihua")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a few rows: make the planner show its options
        plan = queryset.explain()
        cursor.execute("RESET enable_seqscan")

    assert "accounts_user_search_text_trgm" in plan
