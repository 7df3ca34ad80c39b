"""The {% open_programs %} tag for the home page, and the program sitemap."""

from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from programs.models import Intake
from programs.sitemaps import ProgramSitemap
from tests.factories import IntakeFactory, ProgramFactory
from tests.programs.factories import (
    ClosedIntakeFactory,
    ClosingSoonIntakeFactory,
    UpcomingIntakeFactory,
)

pytestmark = pytest.mark.django_db


def render(template, request=None):
    return Template("{% load programs_tags %}" + template).render(
        Context({"request": request or RequestFactory().get("/")})
    )


def test_open_programs_lists_only_programs_taking_applications(django_assert_num_queries):
    IntakeFactory(program=ProgramFactory(title="Open one"))
    ClosingSoonIntakeFactory(program=ProgramFactory(title="Closing one"))
    UpcomingIntakeFactory(program=ProgramFactory(title="Upcoming one"))
    ClosedIntakeFactory(program=ProgramFactory(title="Closed one"))
    IntakeFactory(program=ProgramFactory(title="Draft one", is_published=False))
    # The programs with their intake summary, and the next status change, until which the
    # page cache keeps them (programs.kept_content.kept_content): a second render reads nothing.
    with django_assert_num_queries(2):
        html = render("{% open_programs %}")
    with django_assert_num_queries(0):
        assert render("{% open_programs %}") == html
    assert "Open one" in html and "Closing one" in html
    assert html.index("Closing one") < html.index("Open one")  # soonest deadline first
    assert "Upcoming one" not in html and "Closed one" not in html
    assert "Draft one" not in html


def test_open_programs_limit_and_empty_state():
    for n in range(4):
        IntakeFactory(program=ProgramFactory(title=f"Open {n}"))
    assert render("{% open_programs 2 %}").count('class="stretched-link"') == 2
    ClosedIntakeFactory()
    Intake.objects.open().delete()
    assert "No program takes applications right now." in render("{% open_programs %}")


def test_open_programs_shows_deadlines_in_the_visitor_time_zone():
    intake = IntakeFactory(program=ProgramFactory(title="Open one"))
    request = RequestFactory().get("/")
    request.COOKIES["tz"] = "America/New_York"
    html = render("{% open_programs %}", request)
    deadline = intake.closes_at.astimezone(ZoneInfo("America/New_York"))
    assert f'datetime="{deadline.isoformat(timespec="seconds")}"' in html


def test_sitemap_lists_published_programs():
    published = ProgramFactory(slug="zierip")
    ProgramFactory(is_published=False)
    sitemap = ProgramSitemap()
    assert list(sitemap.items()) == [published]
    assert sitemap.location(published) == "/en/programs/zierip/"
    assert sitemap.lastmod(published) == published.updated_at
