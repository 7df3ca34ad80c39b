"""iCalendar feeds of application deadlines, for calendar apps to subscribe to."""

import hashlib

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODUCT_ID = "-//ZJU School of Software Technology and Alibaba Group//Joint Training Portal//EN"
UID_DOMAIN = "zju-alibaba-portal"


def deadline_uid(intake):
    """Stable across requests and hosts, so a calendar app updates instead of duplicating."""
    return f"intake-{intake.pk}-deadline@{UID_DOMAIN}"


# Part of every fingerprint: change it when the rendering below changes, so cached feeds expire.
FEED_FORMAT = "2"


def feed_fingerprint(intakes, *, title, base_url):
    """A digest of everything the feed shows, read in one query without building the feed.

    Calendar apps poll feeds often; this lets an unchanged feed answer 304 or come from the
    cache. The language is part of it because event summaries are translated, and both titles
    are read because a Chinese visitor sees the Chinese one where there is one.
    """
    digest = hashlib.sha256(repr((FEED_FORMAT, get_language(), title, base_url)).encode())
    rows = intakes.values_list(
        "pk",
        "name_en",
        "name_zh_hans",
        "closes_at",
        "program__title_en",
        "program__title_zh_hans",
        "program__slug",
    )
    for row in rows.iterator(chunk_size=2000):
        digest.update(repr(row).encode())
    return digest.hexdigest()


def deadlines_calendar(intakes, *, title, build_url):
    """An iCalendar document with one event at each intake's application deadline.

    `build_url(program)` returns the absolute URL of a program page.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    stamp = timezone.now()
    for intake in intakes:
        event = Event()
        event.add("uid", deadline_uid(intake))
        event.add("dtstamp", stamp)
        event.add("dtstart", intake.closes_at)
        event.add("dtend", intake.closes_at)
        event.add(
            "summary",
            _("Application deadline: %(program)s — %(intake)s")
            % {"program": intake.program.title, "intake": intake.name},
        )
        event.add("url", build_url(intake.program))
        event.add(
            "description",
            _("Applications for %(intake)s close at this time.") % {"intake": intake.name},
        )
        calendar.add_component(event)
    return calendar.to_ical()
