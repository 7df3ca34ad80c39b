"""Deadline feeds: valid iCalendar that calendar apps can subscribe to."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.languages import address_in_language
from tests.factories import IntakeFactory, ProgramFactory
from tests.programs.factories import ClosedIntakeFactory

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _before_the_deadlines(time_machine):
    """The deadlines below are fixed dates; the feeds drop those more than a year old."""
    time_machine.move_to(datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def intakes():
    zierip = ProgramFactory(title="ZIERIP", slug="zierip")
    camp = ProgramFactory(title="Summer camp", slug="summer-camp")
    draft = ProgramFactory(title="Draft", is_published=False)
    return {
        "zierip": IntakeFactory(
            program=zierip,
            name="ZIERIP 2027",
            opens_at=datetime(2027, 1, 1, 9, 0, tzinfo=SHANGHAI),
            closes_at=datetime(2027, 3, 31, 23, 59, tzinfo=SHANGHAI),
        ),
        "zierip-past": ClosedIntakeFactory(program=zierip, name="ZIERIP 2026"),
        "camp": IntakeFactory(
            program=camp,
            name="Camp 2027",
            opens_at=datetime(2027, 2, 1, 9, 0, tzinfo=SHANGHAI),
            closes_at=datetime(2027, 5, 15, 12, 0, tzinfo=SHANGHAI),
        ),
        "draft": IntakeFactory(program=draft, name="Hidden"),
    }


def to_the_second(moment):
    """iCalendar times have no fractions of a second."""
    return moment.replace(microsecond=0)


def events_of(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_all_deadlines_feed_holds_every_published_deadline(client, intakes):
    response = client.get(reverse("programs:deadlines_feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = events_of(response)
    expected = {
        f"intake-{intakes[key].pk}-deadline@zju-alibaba-portal": intakes[key]
        for key in ["zierip", "zierip-past", "camp"]
    }
    assert set(events) == set(expected)
    for uid, intake in expected.items():
        assert events[uid].decoded("dtstart") == to_the_second(intake.closes_at)
        assert intake.name in str(events[uid]["summary"])
        assert str(events[uid]["url"]) == "http://testserver" + intake.program.get_absolute_url()
    camp = events[f"intake-{intakes['camp'].pk}-deadline@zju-alibaba-portal"]
    assert camp.decoded("dtstart") == datetime(2027, 5, 15, 4, 0, tzinfo=ZoneInfo("UTC"))
    assert str(camp["summary"]) == "Application deadline: Summer camp — Camp 2027"


def test_program_feed_holds_only_that_programs_deadlines(client, intakes):
    response = client.get(reverse("programs:program_deadlines_feed", args=["zierip"]))
    assert response.status_code == 200
    assert 'filename="zierip-deadlines.ics"' in response["Content-Disposition"]
    events = events_of(response)
    assert sorted(event.decoded("dtstart") for event in events.values()) == sorted(
        [to_the_second(intakes[key].closes_at) for key in ["zierip-past", "zierip"]]
    )
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "ZIERIP: application deadlines"


def test_uids_are_stable_and_deadline_changes_update_the_event(client, intakes):
    url = reverse("programs:program_deadlines_feed", args=["zierip"])
    first = events_of(client.get(url))
    intake = intakes["zierip"]
    intake.closes_at += timedelta(days=7)
    intake.save()
    second = events_of(client.get(url))
    assert set(first) == set(second)
    uid = f"intake-{intake.pk}-deadline@zju-alibaba-portal"
    assert second[uid].decoded("dtstart") == to_the_second(intake.closes_at)


def test_feeds_of_unpublished_or_unknown_programs_are_not_found(client, intakes):
    draft_slug = intakes["draft"].program.slug
    assert (
        client.get(reverse("programs:program_deadlines_feed", args=[draft_slug])).status_code == 404
    )
    assert client.get(reverse("programs:program_deadlines_feed", args=["nope"])).status_code == 404


def test_feeds_only_answer_safe_methods(client, intakes):
    assert client.post(reverse("programs:deadlines_feed")).status_code == 405


def test_program_page_links_its_feed(client, intakes):
    program = intakes["zierip"].program
    html = client.get(program.get_absolute_url()).content.decode()
    feed = reverse("programs:program_deadlines_feed", args=["zierip"])
    assert f'<link rel="alternate" type="text/calendar" href="{feed}"' in html


def test_deadlines_older_than_a_year_drop_out_of_the_feeds(client, intakes):
    old = ClosedIntakeFactory(
        program=intakes["zierip"].program,
        name="ZIERIP 2020",
        opens_at=timezone.now() - timedelta(days=500),
        closes_at=timezone.now() - timedelta(days=366),
    )
    for url in [
        reverse("programs:deadlines_feed"),
        reverse("programs:program_deadlines_feed", args=["zierip"]),
    ]:
        uids = set(events_of(client.get(url)))
        assert f"intake-{old.pk}-deadline@zju-alibaba-portal" not in uids
        assert f"intake-{intakes['zierip-past'].pk}-deadline@zju-alibaba-portal" in uids


def test_an_unchanged_feed_answers_304_in_one_query(client, intakes, django_assert_num_queries):
    url = reverse("programs:deadlines_feed")
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=900"
    with django_assert_num_queries(1):
        again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda i: setattr(i["camp"], "name", "Camp 2027 (extended)"), id="renamed"),
        pytest.param(
            lambda i: setattr(i["camp"], "closes_at", i["camp"].closes_at + timedelta(days=3)),
            id="deadline moved",
        ),
    ],
)
def test_a_changed_intake_changes_the_feed_at_once(client, intakes, change):
    url = reverse("programs:deadlines_feed")
    first = client.get(url)
    change(intakes)
    intakes["camp"].save()

    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    camp = events_of(again)[f"intake-{intakes['camp'].pk}-deadline@zju-alibaba-portal"]
    assert camp.decoded("dtstart") == to_the_second(intakes["camp"].closes_at)
    assert intakes["camp"].name in str(camp["summary"])


def test_unpublishing_a_program_removes_its_deadlines_from_a_cached_feed(client, intakes):
    url = reverse("programs:deadlines_feed")
    client.get(url)
    camp = intakes["camp"].program
    camp.is_published = False
    camp.save()
    uids = set(events_of(client.get(url)))
    assert f"intake-{intakes['camp'].pk}-deadline@zju-alibaba-portal" not in uids


def test_each_language_gets_its_own_feed(client, intakes):
    url = reverse("programs:deadlines_feed")
    english = client.get(url)
    chinese = client.get(address_in_language(url, "zh-hans"))
    assert english["ETag"] != chinese["ETag"]
    assert "Accept-Language" not in chinese.get("Vary", "")  # the address says the language
    summaries = {str(event["summary"]) for event in events_of(chinese).values()}
    assert "申请截止：Summer camp — Camp 2027" in summaries, summaries


def test_the_chinese_feed_names_programs_by_their_chinese_title(client, intakes):
    camp = intakes["camp"].program
    camp.title_zh_hans = "夏令营"
    camp.save()
    chinese = events_of(
        client.get(address_in_language(reverse("programs:deadlines_feed"), "zh-hans"))
    )
    summaries = {str(event["summary"]) for event in chinese.values()}
    assert "申请截止：夏令营 — Camp 2027" in summaries, summaries
    assert "申请截止：ZIERIP — ZIERIP 2027" in summaries  # no Chinese title: the English one
    english = events_of(client.get(reverse("programs:deadlines_feed")))
    assert "Application deadline: Summer camp — Camp 2027" in {
        str(event["summary"]) for event in english.values()
    }
    feed = client.get(
        address_in_language(
            reverse("programs:program_deadlines_feed", args=["summer-camp"]), "zh-hans"
        )
    )
    assert "夏令营" in str(Calendar.from_ical(feed.content)["x-wr-calname"])


@pytest.mark.parametrize(
    "url",
    [
        reverse("programs:deadlines_feed"),
        reverse("programs:program_deadlines_feed", args=["summer-camp"]),
    ],
)
def test_editing_a_chinese_title_changes_the_feed_at_once(client, intakes, url):
    url = address_in_language(url, "zh-hans")
    first = client.get(url)
    camp = intakes["camp"].program
    camp.title_zh_hans = "夏令营"
    camp.save()

    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    camp_event = events_of(again)[f"intake-{intakes['camp'].pk}-deadline@zju-alibaba-portal"]
    assert str(camp_event["summary"]) == "申请截止：夏令营 — Camp 2027"
