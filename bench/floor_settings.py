"""The portal as bench/public_pages.py serves it, with one more page that does no work of its
own (floor_urls): what every page of the portal costs before its view, template or queries,
for a visitor and for a logged-in student, measured beside the pages ("floor" in the report)."""

from portal.settings import *  # noqa: F403 (the portal's settings, unchanged but the URLconf)

ROOT_URLCONF = "floor_urls"
