"""The page cache of anonymous visitors' public pages (portal/page_cache.py) and their HTTP
caching headers: what a visitor, a proxy and staff editing content see."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from core.page_cache import new_generation
from partnership.models import KeyFigure
from portal import page_cache
from programs.kept_content import kept_content
from programs.models import CLOSING_SOON_WINDOW, Intake
from tests.factories import (
    IntakeFactory,
    OrganisationFactory,
    StaffFactory,
    StudentProfileFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]
PUBLIC_PAGES = {
    "home": lambda content: ("home", {}),
    "catalog": lambda content: ("programs:catalog", {}),
    "program": lambda content: ("programs:detail", {"slug": content["program"].slug}),
    "supervisors": lambda content: ("programs:supervisors", {}),
    "supervisor": lambda content: (
        "programs:supervisor_detail",
        {"slug": content["supervisor"].slug},
    ),
    "news": lambda content: ("partnership:news_list", {}),
    "news article": lambda content: (
        "partnership:news_detail",
        {"slug": content["article"].slug},
    ),
    "partnership": lambda content: ("partnership:overview", {}),
    "timeline": lambda content: ("partnership:timeline", {}),
    "institute": lambda content: ("partnership:institute", {}),
    "privacy": lambda content: ("privacy", {}),
}


def url(page, content, language="en"):
    name, kwargs = PUBLIC_PAGES[page](content)
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_anonymous_public_page_sets_no_cookie_and_may_be_kept_by_anyone(
    client, content, page, language
):
    response = client.get(url(page, content, language), headers={"accept-language": language})

    assert response.status_code == 200
    assert not response.cookies, f"{page} set {list(response.cookies)}"
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "must-revalidate" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_a_kept_page_is_served_again_without_a_query(
    client, content, page, django_assert_num_queries
):
    first = client.get(url(page, content))
    with django_assert_num_queries(0):
        again = client.get(url(page, content))
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    # Every header as rendered, each under its own name (CachedPage.response puts them back).
    assert list(again.headers.items()) == list(first.headers.items())


def test_a_current_copy_gets_304_and_a_stale_one_the_page(client, content):
    page = url("home", content)
    etag = client.get(page)["ETag"]

    not_modified = client.get(page, headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert not_modified["Cache-Control"].startswith("public")

    stale = client.get(page, headers={"if-none-match": '"an-older-page"'})
    assert stale.status_code == 200 and stale.content


def test_pages_are_kept_per_language(client, content):
    english = client.get(url("home", content, "en"), headers={"accept-language": "en"})
    chinese = client.get(url("home", content, "zh-hans"), headers={"accept-language": "zh-hans"})
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="zh-hans">' in chinese.content.decode()


def test_a_staff_edit_in_admin_shows_on_the_next_request(client, content, after_commit):
    figure = KeyFigure.objects.order_by("pk").first()
    assert figure.label in client.get(url("home", content)).content.decode()

    staff = StaffFactory()
    admin_client = type(client)()
    admin_client.force_login(staff)
    with after_commit():
        response = admin_client.post(
            reverse("admin:partnership_keyfigure_change", args=[figure.pk]),
            {"value": "99", "label_en": "Seats kept for the page cache test", "position": 0},
        )
    assert response.status_code == 302

    html = client.get(url("home", content)).content.decode()
    assert "Seats kept for the page cache test" in html


def test_an_admin_bulk_deletion_shows_on_the_next_request(client, content, after_commit):
    figure = KeyFigure.objects.order_by("pk").first()
    assert figure.label in client.get(url("home", content)).content.decode()

    admin_client = type(client)()
    admin_client.force_login(StaffFactory())
    with after_commit():
        admin_client.post(
            reverse("admin:partnership_keyfigure_changelist"),
            {"action": "delete_selected", "_selected_action": [figure.pk], "post": "yes"},
        )

    assert not KeyFigure.objects.filter(pk=figure.pk).exists()
    assert figure.label not in client.get(url("home", content)).content.decode()


def test_a_many_to_many_change_shows_on_the_next_request(client, content):
    program_page = url("program", content)
    assert "Hangzhou Test Host" not in client.get(program_page).content.decode()

    content["program"].host_organisations.add(OrganisationFactory(name="Hangzhou Test Host"))

    assert "Hangzhou Test Host" in client.get(program_page).content.decode()


def test_an_intake_closes_at_its_deadline_with_the_page_kept(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300  # kept well past the deadline, but for the status rule
    intake = content["intake"]
    program_page = url("program", content)
    with time_machine.travel(intake.closes_at - timedelta(minutes=1), tick=False):
        assert 'data-state="open"' in client.get(program_page).content.decode()
        kept = client.get(program_page)
        assert 'data-state="open"' in kept.content.decode()
        assert int(kept["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 60

    with time_machine.travel(intake.closes_at + timedelta(seconds=1), tick=False):
        html = client.get(program_page).content.decode()
    assert 'data-state="closed"' in html and 'data-state="open"' not in html


def test_an_intake_opens_at_its_opening_with_the_page_kept(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300
    intake = content["intake"]
    intake.opens_at = timezone.now() + timedelta(days=1)
    intake.save()
    program_page = url("program", content)
    with time_machine.travel(intake.opens_at - timedelta(seconds=1), tick=False):
        assert 'data-state="upcoming"' in client.get(program_page).content.decode()
    with time_machine.travel(intake.opens_at, tick=False):
        assert 'data-state="open"' in client.get(program_page).content.decode()


def test_next_status_change_is_the_first_opening_closing_soon_or_closing_ahead():
    now = timezone.now()
    IntakeFactory(opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1))
    assert Intake.objects.next_status_change(now) is None

    IntakeFactory(opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=10))
    assert Intake.objects.next_status_change(now) == now + timedelta(days=3)  # closing soon
    IntakeFactory(opens_at=now + timedelta(hours=5), closes_at=now + timedelta(days=40))
    assert Intake.objects.next_status_change(now) == now + timedelta(hours=5)  # opening
    IntakeFactory(opens_at=now - timedelta(days=2), closes_at=now + timedelta(hours=1))
    assert Intake.objects.next_status_change(now) == now + timedelta(hours=1)  # closing


def test_logged_in_pages_are_private_and_never_shared(client, content):
    home = url("home", content)
    anonymous = client.get(home).content.decode()

    student, other = StudentProfileFactory().user, StudentProfileFactory().user
    client.force_login(student)
    response = client.get(home)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.content.decode() != anonymous
    dashboard = client.get(reverse("applications:dashboard"))
    assert "no-store" in dashboard["Cache-Control"]

    client.force_login(other)
    assert student.email not in client.get(reverse("accounts:account")).content.decode()

    client.logout()
    assert client.get(home).content.decode() == anonymous


def test_each_host_gets_its_own_page(client, content):
    """Pages name their absolute addresses (hreflang, canonical): one host's never shows another."""
    page = url("news article", content)
    assert "http://testserver/" in client.get(page).content.decode()
    html = client.get(page, headers={"host": "localhost"}).content.decode()
    assert "http://localhost/" in html and "http://testserver/" not in html


def test_the_time_zone_cookie_gets_its_own_page(client, content):
    page = url("program", content)
    beijing = client.get(page).content.decode()
    client.cookies["tz"] = "America%2FNew_York"
    new_york = client.get(page).content.decode()
    assert "(Asia/Shanghai)" in beijing and "(America/New_York)" in new_york
    assert "(Asia/Shanghai)" not in new_york


def test_turned_off_it_keeps_no_page(client, content, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(url("timeline", content))
    with django_assert_num_queries(1):  # the milestones, read again
        response = client.get(url("timeline", content))
    assert "Cache-Control" not in response


def broken_cache(*args, **kwargs):
    raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_pages_are_served_while_the_cache_is_down(client, content, page, monkeypatch):
    for method in ("get_many", "set", "get", "add"):
        monkeypatch.setattr(cache, method, broken_cache)

    response = client.get(url(page, content))

    assert response.status_code == 200
    assert "Cache-Control" not in response  # not kept: nothing may be promised about it


def test_staff_can_save_while_the_cache_is_down(client, content, monkeypatch, after_commit):
    figure = KeyFigure.objects.order_by("pk").first()
    admin_client = type(client)()
    admin_client.force_login(StaffFactory())
    monkeypatch.setattr(cache, "set", broken_cache)
    with after_commit():
        response = admin_client.post(
            reverse("admin:partnership_keyfigure_change", args=[figure.pk]),
            {"value": "7", "label_en": "Saved with the cache down", "position": 0},
        )
    assert response.status_code == 302
    assert KeyFigure.objects.get(pk=figure.pk).label == "Saved with the cache down"


def test_a_new_process_serves_no_page_its_predecessor_kept(
    client, content, django_assert_num_queries
):
    """A deployment brings new code and templates: the restarted workers render afresh."""
    client.get(url("timeline", content))
    restarted = type(client)()
    with django_assert_num_queries(2):  # the milestones and the next status change
        response = restarted.get(url("timeline", content))
    assert response.status_code == 200
    with django_assert_num_queries(0):
        restarted.get(url("timeline", content))


# The rows kept below the pages (kept_content): the home page's content and program cards,
# read once for every address and visitor, under the same rules as the pages.


def test_the_home_page_content_is_read_once_for_all_addresses(
    client, content, django_assert_num_queries
):
    home = url("home", content)
    client.get(home)
    # A new address misses the page cache; its content and program cards are kept.
    with django_assert_num_queries(0):
        response = client.get(home, {"utm_source": "newsletter"})
    assert "Cache test program" in response.content.decode()


def test_a_logged_in_visitor_gets_the_kept_home_page_content(
    client, content, django_assert_num_queries
):
    client.get(url("home", content))
    client.force_login(StudentProfileFactory().user)
    with django_assert_num_queries(2):  # the session and the user, nothing of the content
        response = client.get(url("home", content))
    assert "Cache test program" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_saved_key_figure_shows_on_an_address_not_seen_before(client, content):
    figure = KeyFigure.objects.order_by("pk").first()
    client.get(url("home", content))
    figure.label = "Changed after the content was kept"
    figure.save()
    html = client.get(url("home", content), {"new": "address"}).content.decode()
    assert "Changed after the content was kept" in html


def test_an_intake_change_shows_in_the_kept_program_cards(client, content):
    client.get(url("home", content))
    Intake.objects.filter(pk=content["intake"].pk).delete()  # sends post_delete per row
    html = client.get(url("home", content), {"new": "address"}).content.decode()
    assert "Cache test program" not in html


def test_kept_program_cards_leave_the_home_page_when_their_intake_closes(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300  # kept well past the deadline, but for the status rule
    intake = content["intake"]
    with time_machine.travel(intake.closes_at - timedelta(minutes=1), tick=False):
        assert "Cache test program" in client.get(url("home", content)).content.decode()
    with time_machine.travel(intake.closes_at + timedelta(seconds=1), tick=False):
        html = client.get(url("home", content), {"new": "address"}).content.decode()
    assert "Cache test program" not in html


def test_kept_program_cards_show_closing_soon_when_the_last_week_starts(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300
    intake = content["intake"]
    last_week = intake.closes_at - CLOSING_SOON_WINDOW
    with time_machine.travel(last_week - timedelta(seconds=1), tick=False):
        html = client.get(url("home", content)).content.decode()
        assert "status-closing_soon" not in card_of("Cache test program", html)
    with time_machine.travel(last_week, tick=False):
        html = client.get(url("home", content), {"new": "address"}).content.decode()
    assert "status-closing_soon" in card_of("Cache test program", html)


def card_of(title, html):
    start = html.index(title)
    return html[start : html.index("</article>", start)]


def test_turned_off_it_keeps_no_content(client, content, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(url("home", content))
    with django_assert_num_queries(5):  # 4 for the partnership content, 1 for the cards
        client.get(url("home", content))


def test_a_page_rendered_across_a_status_change_is_not_kept(content):
    """Rendered before the deadline, stored after it: it shows a status no longer true."""
    closes_at = content["intake"].closes_at
    with time_machine.travel(closes_at + timedelta(seconds=1), tick=False):
        rendered_at = (closes_at - timedelta(seconds=1)).timestamp()
        kept = page_cache.store("page-cache:page:t", HttpResponse(), new_generation(), rendered_at)
    assert kept is None


def test_rows_read_across_a_status_change_are_read_again(content):
    closes_at = content["intake"].closes_at
    reads = []

    def build_across_the_deadline():
        reads.append(1)
        traveller.move_to(closes_at + timedelta(seconds=1))
        return ["rows"]

    with time_machine.travel(closes_at - timedelta(seconds=1), tick=False) as traveller:
        kept_content("test", build_across_the_deadline)
        kept_content("test", build_across_the_deadline)
    assert len(reads) == 2
