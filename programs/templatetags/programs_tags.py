from django import template
from django.utils.timezone import localtime

from core.timezones import visitor_time_zone
from programs import selectors
from programs.kept_content import kept_content
from programs.models import Program

register = template.Library()


@register.inclusion_tag("programs/_open_programs.html", takes_context=True)
def open_programs(context, limit=6):
    """Cards of the programs taking applications now, e.g. for the home page (1 query, kept by
    the page cache's kept_content: their statuses hold until the next status change)."""
    request = context.get("request")
    return {
        "programs": kept_content(
            f"open-programs:{limit}", lambda: list(selectors.open_programs(limit=limit))
        ),
        "visitor_time_zone": visitor_time_zone(request) if request else None,
    }


@register.simple_tag
def published_programs():
    """Every published program by title, for pages of other apps that list them (the
    partnership page): `{% published_programs as programs %}`."""
    return Program.objects.published().order_by("title")


@register.filter
def html_datetime(value):
    """A date and time for <time datetime="…">: whole seconds in the current time zone, since
    HTML allows at most three digits of a second and Python's isoformat() gives six."""
    if not value:
        return ""
    return localtime(value).isoformat(timespec="seconds")
