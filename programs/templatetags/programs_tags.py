from django import template

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
