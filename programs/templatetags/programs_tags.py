from django import template
from django.utils.timezone import localtime

from programs import selectors
from programs.timezones import visitor_time_zone

register = template.Library()


@register.inclusion_tag("programs/_open_programs.html", takes_context=True)
def open_programs(context, limit=6):
    """Cards of the programs taking applications now, e.g. for the home page (2 queries)."""
    request = context.get("request")
    return {
        "programs": selectors.open_programs(limit=limit),
        "visitor_time_zone": visitor_time_zone(request) if request else None,
    }


@register.filter
def html_datetime(value):
    """A date and time for <time datetime="…">: whole seconds in the current time zone, since
    HTML allows at most three digits of a second and Python's isoformat() gives six."""
    if not value:
        return ""
    return localtime(value).isoformat(timespec="seconds")
