"""The visitor's time zone: what their browser reported, else the portal's (Asia/Shanghai)."""

import zoneinfo
from urllib.parse import unquote

from django.conf import settings

# Set by static/js/visitor-timezone.js from the browser's Intl settings, URL-encoded
# ("America%2FLos_Angeles"), as cookie values may not hold every character of a zone name.
TIME_ZONE_COOKIE = "tz"


def visitor_time_zone(request):
    name = unquote(request.COOKIES.get(TIME_ZONE_COOKIE, ""))
    if name and len(name) <= 64:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)
