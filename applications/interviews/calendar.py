"""The iCalendar invitation of a booked interview, in the student's time zone.

Its UID stays the same for one interview and its SEQUENCE grows with each booking, so a
calendar app moves the event when the student changes the slot instead of adding a second.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from programs.calendar import PRODUCT_ID, UID_DOMAIN


def interview_uid(interview):
    return f"interview-{interview.pk}@{UID_DOMAIN}"


def student_time_zone(interview):
    """The zone the student booked in, else the portal's."""
    return ZoneInfo(interview.time_zone or settings.TIME_ZONE)


def interview_calendar(interview, *, url):
    """The .ics text: one event at the slot's time, written in the student's zone; the
    texts are in the active language. `url` is the student's interview page."""
    slot = interview.slot
    zone = student_time_zone(interview)
    program = interview.application.intake.program.title
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", interview_uid(interview))
    event.add("sequence", interview.calendar_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at.astimezone(zone))
    event.add("dtend", slot.ends_at.astimezone(zone))
    event.add("summary", _("Interview: %(program)s") % {"program": program})
    event.add("location", slot.place)
    if slot.online_url:
        event.add("url", slot.online_url)
    event.add(
        "description",
        _("Interview for %(program)s (%(intake)s) with %(interviewer)s. Change it: %(url)s")
        % {
            "program": program,
            "intake": interview.application.intake.name,
            "interviewer": interviewer_name(slot),
            "url": url,
        },
    )
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def interviewer_name(slot):
    return slot.interviewer.get_full_name() or _("a member of the selection committee")
