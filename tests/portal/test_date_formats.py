"""Dates are written the way each language writes them, on every page (formats, not patterns)."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import IntakeFactory

pytestmark = pytest.mark.django_db

# "5 十二月 2026": an English pattern filled with Chinese month names.
MIXED_DATE = re.compile(r"\d{1,2} [一二三四五六七八九十]+月 \d{4}")
BEIJING = ZoneInfo("Asia/Shanghai")


def test_the_timeline_dates_read_the_chinese_way(client, imported):
    chinese = client.get("/zh-hans/partnership/timeline/").text
    assert "2020年3月27日" in chinese and "2017年4月" in chinese
    assert not MIXED_DATE.search(chinese)
    english = client.get("/en/partnership/timeline/").text
    assert "27 March 2020" in english and "April 2017" in english


def test_intake_dates_and_deadlines_read_the_chinese_way(client):
    intake = IntakeFactory(
        starts_on=date(2026, 12, 5),
        ends_on=date(2026, 12, 19),
        closes_at=datetime(2026, 11, 30, 23, 59, tzinfo=BEIJING),
    )
    path = intake.program.get_absolute_url().removeprefix("/en")
    chinese = client.get(f"/zh-hans{path}").text
    assert "2026年12月5日" in chinese and "2026年11月30日 23:59" in chinese
    assert not MIXED_DATE.search(chinese)
    english = client.get(f"/en{path}").text
    assert "5 December 2026" in english and "30 Nov 2026, 23:59" in english
