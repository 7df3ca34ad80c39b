"""`{% deadline value %}`: a date that names a deadline, in the visitor's time zone, saying
which zone that is, so "23:59" is never read as the visitor's own evening by mistake."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from core.timezones import visitor_time_zone

register = template.Library()


@register.simple_tag(takes_context=True)
def deadline(context, value, format="SHORT_DATETIME_FORMAT"):
    """<time datetime="…">1 Mar 2027, 09:00</time> (Asia/Shanghai); empty without a value."""
    if not value:
        return ""
    request = getattr(context, "request", None)
    zone = visitor_time_zone(request) if request else timezone.get_current_timezone()
    local = timezone.localtime(value, zone)
    return format_html(
        '<time datetime="{}">{}</time> ({})',
        local.isoformat(timespec="seconds"),
        date_format(local, format),
        zone.key,
    )
