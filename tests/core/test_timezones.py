"""The visitor's time zone from the browser's cookie, and deadlines that name their zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.states import ApplicationState
from tests.applications.factories import complete_application
from tests.factories import IntakeFactory, ProgramFactory, StudentProfileFactory

pytestmark = pytest.mark.django_db

CLOSES = datetime(2030, 4, 30, 15, 59, tzinfo=ZoneInfo("UTC"))


@pytest.fixture
def program():
    program = ProgramFactory(title="ZIERIP", slug="zierip")
    IntakeFactory(program=program, name="ZIERIP 2030", closes_at=CLOSES)
    return program


@pytest.mark.parametrize(
    "cookie",
    # As static/js/visitor-timezone.js writes it (encodeURIComponent), and plain.
    ["America%2FLos_Angeles", "America/Los_Angeles"],
)
def test_the_zone_the_script_writes_applies_to_the_catalog_and_the_program_page(
    client, program, cookie
):
    client.cookies["tz"] = cookie

    catalog = client.get(reverse("programs:catalog")).text
    page = client.get(program.get_absolute_url()).text

    card_deadline = (
        '<time datetime="2030-04-30T08:59:00-07:00">30 Apr 2030, 08:59</time> (America/Los_Angeles)'
    )
    assert f"Next deadline: {card_deadline}" in catalog
    assert card_deadline in page
    assert "Times are shown in the America/Los_Angeles time zone." in page


def test_without_a_cookie_deadlines_say_they_are_beijing_time(client, program):
    catalog = client.get(reverse("programs:catalog")).text
    assert "30 Apr 2030, 23:59</time> (Asia/Shanghai)" in catalog


def test_a_students_deadlines_name_their_zone_and_end_in_one_full_stop(client):
    """ "Applications close on April 30, 2030, 11:59 p.m.." had two full stops and no zone."""
    student = StudentProfileFactory().user
    intake = IntakeFactory(closes_at=CLOSES)
    offered = complete_application(
        applicant=student,
        state=ApplicationState.OFFERED,
        offer_reply_deadline=timezone.now() + timedelta(days=3),
    )
    client.force_login(student)
    client.cookies["tz"] = "Europe%2FBerlin"

    start = client.get(reverse("applications:start", args=[intake.pk])).text
    reply = client.get(reverse("applications:offer_reply", args=[offered.pk])).text
    dashboard = client.get(reverse("applications:dashboard")).text

    assert "Applications close on " in start
    assert "April 30, 2030, 5:59 p.m.</time> (Europe/Berlin). Your draft" in start
    assert "p.m.." not in start + reply
    assert "</time> (Europe/Berlin).</p>" in reply
    assert "<strong>Deadline:</strong> <time" in dashboard
    assert "</time> (Europe/Berlin)</p>" in dashboard
