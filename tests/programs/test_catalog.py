"""The catalog: filters, search, sorting and pagination as GET parameters."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from programs.models import Intake, Program, ProgramKind
from tests.factories import IntakeFactory, OrganisationFactory, ProgramFactory
from tests.programs.factories import (
    ClosedIntakeFactory,
    ClosingSoonIntakeFactory,
    UpcomingIntakeFactory,
    build_large_catalog,
)

pytestmark = pytest.mark.django_db

CATALOG = reverse("programs:catalog")


def card_titles(response):
    """Program titles in the order the cards show them."""
    return re.findall(r'class="stretched-link">([^<]+)</a>', response.content.decode())


@pytest.fixture
def catalog():
    """Four programs, one per status, with distinct kinds, texts and organisations.

    Every text is explicit: the factory's random words (e.g. "campaign") could match a search.
    """
    alibaba = OrganisationFactory(slug="alibaba-group", name="Alibaba Group")
    zju = OrganisationFactory(slug="zju", name="Zhejiang University")
    summer = ProgramFactory(
        title="Summer School",
        kind=ProgramKind.SUMMER_SCHOOL,
        summary="Two weeks in Hangzhou.",
        description="Lectures and projects.",
    )
    summer.host_organisations.add(zju)
    IntakeFactory(program=summer, closes_at=timezone.now() + timedelta(days=30))
    zierip = ProgramFactory(
        title="ZIERIP",
        kind=ProgramKind.ZIERIP,
        summary="Study, then work.",
        description="Internship at partner companies.",
    )
    zierip.partner_organisations.add(alibaba)
    ClosingSoonIntakeFactory(program=zierip)
    camp = ProgramFactory(
        title="Camp", kind=ProgramKind.SUMMER_CAMP, summary="A week.", description="Talks."
    )
    UpcomingIntakeFactory(program=camp)
    base = ProgramFactory(
        title="Base", kind=ProgramKind.TRAINING_BASE, summary="Long term.", description="Research."
    )
    ClosedIntakeFactory(program=base)
    ProgramFactory(title="Hidden draft", is_published=False)
    return {"summer": summer, "zierip": zierip, "camp": camp, "base": base}


def test_catalog_shows_published_programs_with_kind_status_and_deadline(client, catalog):
    response = client.get(CATALOG)
    html = response.content.decode()
    assert response.status_code == 200
    # Sorted by next deadline by default: closing soon, open, upcoming, then closed.
    assert card_titles(response) == ["ZIERIP", "Summer School", "Camp", "Base"]
    assert "Hidden draft" not in html
    assert "International Graduate Summer School" in html  # the kind
    for badge in ["Closing soon", "Open", "Upcoming", "Closed"]:
        assert f">{badge}</span>" in html
    deadline = timezone.localtime(catalog["zierip"].intakes.get().closes_at)
    assert f'Next deadline: <time datetime="{deadline.isoformat(timespec="seconds")}"' in html
    assert "4 programs" in html
    opens = timezone.localtime(catalog["camp"].intakes.get().opens_at)
    assert f'Applications open: <time datetime="{opens.isoformat(timespec="seconds")}"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "zierip"}, ["ZIERIP"]),
        ({"status": "open"}, ["ZIERIP", "Summer School"]),
        ({"status": "closing_soon"}, ["ZIERIP"]),
        ({"status": "upcoming"}, ["Camp"]),
        ({"status": "closed"}, ["Base"]),
        ({"organisation": "alibaba-group"}, ["ZIERIP"]),
        ({"organisation": "zju"}, ["Summer School"]),
        ({"q": "hangzhou"}, ["Summer School"]),  # summary, any case
        ({"q": "partner compan"}, ["ZIERIP"]),  # description
        ({"q": "camp"}, ["Camp"]),  # title
        ({"q": "nothing like this"}, []),
        ({"kind": "zierip", "status": "closed"}, []),
        ({"sort": "title"}, ["Base", "Camp", "Summer School", "ZIERIP"]),
    ],
)
def test_filters_search_and_sorting(client, catalog, params, expected):
    assert card_titles(client.get(CATALOG, params)) == expected


def test_an_empty_result_says_so_and_links_back(client, catalog):
    html = client.get(CATALOG, {"q": "nothing like this"}).content.decode()
    assert "No program matches these filters." in html
    assert f'href="{CATALOG}">Show all programs' in html


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "rocket_science"},
        {"status": "maybe"},
        {"organisation": "no-such-org"},
        {"sort": "'; DROP TABLE programs_program; --"},
        {"page": "abc"},
        {"page": "9999"},
        {"page": "-1"},
        {"q": "x" * 500},
        {"status": ["maybe", "never"]},
        {"unknown": "1"},
        {"q": "nul\x00byte"},
    ],
)
def test_invalid_parameters_are_ignored_not_an_error(client, catalog, params):
    response = client.get(CATALOG, params)
    assert response.status_code == 200
    assert set(card_titles(response)) <= {"ZIERIP", "Summer School", "Camp", "Base"}
    assert card_titles(response)  # the page still lists programs
    assert Program.objects.count() == 5  # nothing was lost


def test_an_invalid_filter_does_not_drop_the_valid_ones(client, catalog):
    response = client.get(CATALOG, {"kind": "zierip", "status": "maybe", "sort": "sideways"})
    assert card_titles(response) == ["ZIERIP"]


def test_the_form_keeps_the_chosen_filters(client, catalog):
    html = client.get(CATALOG, {"kind": "zierip", "q": "intern"}).content.decode()
    assert '<option value="zierip" selected>' in html
    assert 'value="intern"' in html
    # Only organisations of published programs are offered.
    assert '<option value="alibaba-group">Alibaba Group</option>' in html


def test_pagination_keeps_the_filters_in_shareable_links(client):
    programs = ProgramFactory.create_batch(15, kind=ProgramKind.INTERNSHIP)
    ProgramFactory.create_batch(3, kind=ProgramKind.PHD)
    for program in programs:
        IntakeFactory(program=program)
    first = client.get(CATALOG, {"kind": "internship"})
    assert len(card_titles(first)) == 12
    html = first.content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?kind=internship&amp;page=2" rel="next"' in html
    second = client.get(CATALOG, {"kind": "internship", "page": "2"})
    assert len(card_titles(second)) == 3
    # A page past the end shows the last page rather than an error.
    assert card_titles(client.get(CATALOG, {"kind": "internship", "page": "7"})) == card_titles(
        second
    )


def test_programs_without_a_deadline_ahead_come_last_by_title(client, catalog):
    ProgramFactory(title="Announced later")
    response = client.get(CATALOG)
    assert card_titles(response)[-2:] == ["Announced later", "Base"]
    assert "No intake announced yet." in response.content.decode()


def test_catalog_query_count_is_fixed_with_1000_programs(
    client, big_catalog, django_assert_max_num_queries
):
    # count + page of programs + organisation filter options + the next status change (the
    # page cache's); the cards show no organisation, so none are fetched for them
    with django_assert_max_num_queries(4):
        response = client.get(CATALOG, {"status": "open", "sort": "deadline", "page": "3"})
    assert response.status_code == 200
    assert len(card_titles(response)) == 12
    with django_assert_max_num_queries(5):  # one more: the organisation asked for
        response = client.get(CATALOG, {"q": "program 9", "organisation": "zju"})
    assert response.status_code == 200


@pytest.fixture
def big_catalog():
    programs = build_large_catalog()
    assert Intake.objects.count() == 5000
    return programs


def test_page_links_carry_the_filters_and_no_other_parameter(client):
    for program in ProgramFactory.create_batch(13, kind=ProgramKind.INTERNSHIP):
        IntakeFactory(program=program)
    for campaign in ("newsletter", "wechat"):
        html = client.get(CATALOG, {"kind": "internship", "utm_source": campaign}).content.decode()
        pagination = html[html.index('<ul class="pagination">') :]
        pagination = pagination[: pagination.index("</ul>")]
        assert 'href="?kind=internship&amp;page=2" rel="next"' in pagination
        assert "utm_source" not in pagination
    html = client.get(CATALOG, {"kind": "internship", "page": "2"}).content.decode()
    assert 'href="?kind=internship&amp;page=1" rel="prev"' in html
