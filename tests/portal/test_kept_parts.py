"""Parts of public pages kept below the page cache (`{% kept %}`, programs/templatetags/
kept.py): a page the page cache does not hold (a new address, a logged-in visitor) shows the
same as a fresh render, per language, time zone, filters and visitor, and follows staff edits
and intake deadlines."""

from datetime import timedelta

import pytest
import time_machine
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import translation

from partnership.models import Milestone
from programs.models import Program
from programs.templatetags.kept import key_part
from tests.factories import IntakeFactory, ProgramFactory, StudentProfileFactory
from tests.partnership.factories import NewsArticleFactory
from tests.portal.test_page_cache import url

pytestmark = pytest.mark.django_db


def html(client, address, **query):
    response = client.get(address, query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "page",
    ["home", "catalog", "program", "supervisors", "supervisor", "news", "news article",
     "partnership", "timeline", "institute", "privacy"],
)  # fmt: skip
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_page_from_kept_parts_is_the_page_rendered_afresh(
    client, content, page, language, settings
):
    address = url(page, content, language)
    html(client, address, first="render")  # keeps the parts
    from_kept_parts = html(client, address, second="address")
    settings.PAGE_CACHE_SECONDS = 0  # nothing kept: every part rendered from the database
    afresh = html(client, address, second="address")
    assert from_kept_parts == afresh


def test_serving_kept_parts_reads_nothing_of_the_timeline(
    client, content, django_assert_num_queries
):
    address = url("timeline", content)
    html(client, address)
    with django_assert_num_queries(0):
        html(client, address, new="address")


@pytest.mark.parametrize("page", ["program", "supervisor"])
def test_serving_a_detail_page_from_kept_parts_reads_nothing(
    client, content, page, django_assert_num_queries
):
    address = url(page, content)
    html(client, address)
    with django_assert_num_queries(0):
        served = html(client, address, new="address")
    assert served == html(client, address, new="address")
    if page == "program":
        assert "Cache test intake" in served


def test_an_edited_or_unpublished_program_shows_at_once_at_a_new_address(client, content):
    address = url("program", content)
    html(client, address)
    program = content["program"]
    program.title = "Renamed kept program"
    program.save()
    assert "Renamed kept program" in html(client, address, new="address")
    program.is_published = False
    program.save()
    assert client.get(address, {"another": "address"}).status_code == 404


def test_a_deactivated_supervisor_is_gone_at_once_and_an_unknown_slug_is_not_kept(client, content):
    address = url("supervisor", content)
    html(client, address)
    supervisor = content["supervisor"]
    supervisor.is_active = False
    supervisor.save()
    assert client.get(address, {"new": "address"}).status_code == 404
    draft = ProgramFactory(slug="not-yet-published", title="Published after a 404")
    draft.is_published = False
    draft.save()
    assert client.get("/en/programs/not-yet-published/").status_code == 404
    # update() starts no new generation: only a 404 that was never kept lets the page show.
    Program.objects.filter(pk=draft.pk).update(is_published=True)
    assert "Published after a 404" in html(client, "/en/programs/not-yet-published/")


def test_a_saved_milestone_shows_in_the_kept_timeline(client, content):
    address = url("timeline", content)
    milestone = Milestone.objects.order_by("pk").first()
    html(client, address)
    milestone.title = "A milestone edited by staff"
    milestone.save()
    assert "A milestone edited by staff" in html(client, address, new="address")


def test_a_new_article_shows_in_the_kept_news_list_and_pages_differ(client, content, settings):
    address = url("news", content)
    html(client, address)
    NewsArticleFactory(title="An article added after the list was kept")
    assert "An article added after the list was kept" in html(client, address, new="address")
    for number in range(12):
        NewsArticleFactory(title=f"Filler article {number}")
    first, second = html(client, address), html(client, address, page=2)
    assert first != second
    assert "Filler article 11" in first and "Filler article 11" not in second


def test_the_kept_intakes_of_a_program_page_close_at_the_deadline(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300
    intake = content["intake"]
    address = url("program", content)
    with time_machine.travel(intake.closes_at - timedelta(minutes=1), tick=False):
        assert 'data-state="open"' in html(client, address)
    with time_machine.travel(intake.closes_at + timedelta(seconds=1), tick=False):
        page = html(client, address, new="address")
    assert 'data-state="open"' not in page and 'data-state="closed"' in page


def test_kept_catalog_results_follow_the_filters(client, content):
    ProgramFactory(title="Internship at a kept catalog", kind="internship")
    catalog = url("catalog", content)
    everything = html(client, catalog)
    internships = html(client, catalog, kind="internship")
    assert "Cache test program" in everything and "Internship at a kept catalog" in everything
    assert "Internship at a kept catalog" in internships
    assert "Cache test program" not in internships
    assert "Cache test program" in html(client, catalog, new="address")


def test_a_logged_in_visitor_gets_their_own_privacy_notice(client, content):
    address = url("privacy", content)
    assert "Log in to see your account page" in html(client, address)
    client.force_login(StudentProfileFactory().user)
    signed_in = html(client, address)
    assert "Go to your account page" in signed_in
    assert "Log in to see your account page" not in signed_in


def test_each_time_zone_gets_its_own_kept_part(client, content):
    address = url("program", content)
    html(client, address)
    client.cookies["tz"] = "America%2FNew_York"
    assert "(America/New_York)" in html(client, address, new="address")


def test_kept_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="'kept' takes"):
        Template("{% load kept %}{% kept %}x{% endkept %}")


def test_a_kept_part_is_kept_per_value_it_names():
    template = Template('{% load kept %}{% kept "t" value %}{{ value }}{% endkept %}')
    request = RequestFactory().get("/")
    with translation.override("en"):
        first = template.render(Context({"request": request, "value": "one"}))
        second = template.render(Context({"request": request, "value": "two"}))
    assert (first, second) == ("one", "two")


def test_rows_are_told_apart_by_their_keys_not_their_names():
    a, b = IntakeFactory(name="Same name"), IntakeFactory(name="Same name")
    assert key_part({"intake": a}) != key_part({"intake": b})
    assert key_part([a]) == key_part((a,))


def test_the_kept_filter_form_shows_what_each_address_asks(client, content):
    catalog = url("catalog", content)
    assert 'value="alpha"' in html(client, catalog, q="alpha")
    beta = html(client, catalog, q="beta")
    assert 'value="beta"' in beta and 'value="alpha"' not in beta
    chosen = html(client, catalog, kind="internship")
    assert '<option value="internship" selected>' in chosen
    assert '<option value="internship" selected>' not in html(client, catalog, other="address")
