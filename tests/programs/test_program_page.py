"""The program page: details, intakes in the visitor's time zone, countdown, Apply button."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from programs.models import Intake, Program, ProgramKind
from tests.factories import IntakeFactory, OrganisationFactory, ProgramFactory
from tests.programs.factories import (
    ClosedIntakeFactory,
    ClosingSoonIntakeFactory,
    UpcomingIntakeFactory,
)

pytestmark = pytest.mark.django_db


def apply_buttons(html):
    """(state, text) of each Apply button, text without tags and extra spaces."""
    buttons = re.findall(
        r'class="[^"]*apply-button"[^>]*data-state="(\w+)">(.*?)</(?:a|span)>', html
    )
    return [
        (state, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip())
        for state, text in buttons
    ]


@pytest.fixture
def program():
    program = ProgramFactory(
        title="ZIERIP",
        kind=ProgramKind.ZIERIP,
        description="Study at Zhejiang University, then intern at Alibaba.",
        eligibility="Students of partner universities.",
        study_weeks=2,
        internship_weeks=11,
        location="Hangzhou",
    )
    program.host_organisations.add(OrganisationFactory(name="Zhejiang University"))
    program.partner_organisations.add(OrganisationFactory(name="Alibaba Group"))
    return program


def test_program_page_shows_description_eligibility_duration_and_organisations(client, program):
    html = client.get(program.get_absolute_url()).content.decode()
    assert "<h1>ZIERIP</h1>" in html
    assert "Study at Zhejiang University, then intern at Alibaba." in html
    assert "Students of partner universities." in html
    assert "2 weeks of study" in html and "11 weeks of internship" in html
    assert "Hangzhou" in html and "Zhejiang University" in html and "Alibaba Group" in html
    assert "No intake has been announced yet." in html


def test_open_intake_has_an_apply_link_and_a_countdown(client, program):
    intake = IntakeFactory(program=program, name="ZIERIP 2027", capacity=30)
    html = client.get(program.get_absolute_url()).content.decode()
    assert apply_buttons(html) == [("open", "Apply — ZIERIP 2027")]
    start_url = reverse("applications:start", kwargs={"intake_id": intake.pk})
    assert f'href="{start_url}"' in html
    assert 'Seats</dt>\n      <dd class="col-sm-8">30</dd>' in html
    deadline = timezone.localtime(intake.closes_at).isoformat()
    assert f'data-countdown-to="{deadline}"' in html
    assert "left to apply" in html
    assert "/static/js/countdown.js" in html
    assert "<script>" not in html and "onclick" not in html and 'style="' not in html


def test_closing_soon_intake_is_still_open_for_applications(client, program):
    ClosingSoonIntakeFactory(program=program, name="Last call")
    html = client.get(program.get_absolute_url()).content.decode()
    assert apply_buttons(html) == [("open", "Apply — Last call")]
    assert ">Closing soon</span>" in html


def test_upcoming_intake_says_when_it_opens(client, program):
    opens = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    UpcomingIntakeFactory(program=program, opens_at=opens, closes_at=opens + timedelta(days=30))
    with time_machine.travel(opens - timedelta(days=3)):
        html = client.get(program.get_absolute_url()).content.decode()
    assert apply_buttons(html) == [("upcoming", "Opens on 1 Mar 2027, 09:00")]
    assert 'aria-disabled="true"' in html
    assert "data-countdown-to" not in html


def test_closed_intake_says_closed(client, program):
    ClosedIntakeFactory(program=program)
    html = client.get(program.get_absolute_url()).content.decode()
    assert apply_buttons(html) == [("closed", "Closed")]
    assert "data-countdown-to" not in html


def test_the_button_follows_the_clock_at_the_boundaries(client, program):
    opens = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    closes = datetime(2027, 4, 30, 23, 59, tzinfo=ZoneInfo("Asia/Shanghai"))
    IntakeFactory(program=program, opens_at=opens, closes_at=closes)
    url = program.get_absolute_url()
    states = {}
    for label, now in [
        ("before", opens - timedelta(seconds=1)),
        ("at-open", opens),
        ("last-second", closes - timedelta(seconds=1)),
        ("at-close", closes),
    ]:
        with time_machine.travel(now, tick=False):
            states[label] = apply_buttons(client.get(url).content.decode())[0][0]
    assert states == {
        "before": "upcoming",
        "at-open": "open",
        "last-second": "open",
        "at-close": "closed",
    }


def test_dates_are_shown_in_shanghai_time_by_default(client, program):
    IntakeFactory(
        program=program,
        opens_at=datetime(2027, 3, 1, 1, 0, tzinfo=ZoneInfo("UTC")),
        closes_at=datetime(2030, 4, 30, 15, 59, tzinfo=ZoneInfo("UTC")),
    )
    html = client.get(program.get_absolute_url()).content.decode()
    assert "Times are shown in the Asia/Shanghai time zone." in html
    assert '<time datetime="2027-03-01T09:00:00+08:00">1 Mar 2027, 09:00</time>' in html
    assert '<time datetime="2030-04-30T23:59:00+08:00">30 Apr 2030, 23:59</time>' in html


def test_dates_follow_the_visitor_time_zone_from_the_browser(client, program):
    IntakeFactory(
        program=program,
        opens_at=datetime(2027, 3, 1, 1, 0, tzinfo=ZoneInfo("UTC")),
        closes_at=datetime(2030, 4, 30, 15, 59, tzinfo=ZoneInfo("UTC")),
    )
    client.cookies["tz"] = "Europe/Berlin"
    html = client.get(program.get_absolute_url()).content.decode()
    assert "Times are shown in the Europe/Berlin time zone." in html
    assert '<time datetime="2027-03-01T02:00:00+01:00">1 Mar 2027, 02:00</time>' in html
    assert '<time datetime="2030-04-30T17:59:00+02:00">30 Apr 2030, 17:59</time>' in html


@pytest.mark.parametrize("cookie", ["Mars/Olympus_Mons", "../../etc/passwd", "", "x" * 300])
def test_an_unknown_time_zone_falls_back_to_shanghai(client, program, cookie):
    IntakeFactory(program=program)
    client.cookies["tz"] = cookie
    response = client.get(program.get_absolute_url())
    assert response.status_code == 200
    assert "Times are shown in the Asia/Shanghai time zone." in response.content.decode()


def test_intakes_are_listed_in_date_order_each_with_its_own_state(client, program):
    ClosedIntakeFactory(program=program, name="Last year")
    IntakeFactory(program=program, name="This year")
    UpcomingIntakeFactory(program=program, name="Next year")
    html = client.get(program.get_absolute_url()).content.decode()
    assert [state for state, _text in apply_buttons(html)] == ["closed", "open", "upcoming"]


def test_unpublished_and_unknown_programs_are_not_found(client):
    draft = ProgramFactory(is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("programs:detail", args=["no-such-program"])).status_code == 404


def test_phd_program_links_to_the_supervisors(client):
    phd = ProgramFactory(kind=ProgramKind.PHD)
    html = client.get(phd.get_absolute_url()).content.decode()
    assert f'href="{reverse("programs:supervisors")}"' in html


def test_program_page_query_count_is_fixed(client, django_assert_max_num_queries):
    """A program among 1,000 with 5,000 intakes; its own 40 intakes still cost one query."""
    program = ProgramFactory()
    now = timezone.now()
    others = ProgramFactory.build_batch(999)

    others = Program.objects.bulk_create(others)
    Intake.objects.bulk_create(
        Intake(
            program=owner,
            name=f"Round {i}",
            opens_at=now + timedelta(days=i - 20),
            closes_at=now + timedelta(days=i - 10),
            starts_on=(now + timedelta(days=100)).date(),
            ends_on=(now + timedelta(days=130)).date(),
            capacity=10,
        )
        for owner, count in [(program, 40), *((other, 5) for other in others[:992])]
        for i in range(count)
    )
    assert Intake.objects.count() == 5000
    # session + program + hosts + partners + intakes
    with django_assert_max_num_queries(5):
        response = client.get(program.get_absolute_url())
    assert len(apply_buttons(response.content.decode())) == 40
