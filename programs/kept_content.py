"""Rows that public pages show, kept below the page cache (portal.page_cache) by the same
rules as the pages: under the current generation, until the next instant an intake changes
status, PAGE_CACHE_SECONDS at most. Here, beside Intake, so that programs' own template tags
can keep their rows without importing the project package above them."""

import logging
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache

from core.page_cache import GENERATION_KEY, new_generation
from programs.models import Intake

logger = logging.getLogger(__name__)


def fetch(key):
    """(current generation, kept page or None), in one round trip; (None, None) when the cache
    does not answer, which leaves the request to be rendered as if there were no cache."""
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = new_generation()
        return generation, found.get(key)
    except Exception:  # Any backend error (Redis down): render the page instead.
        logger.exception("Page cache: could not read")
        return None, None


STATUS_CHANGE_KEY = "page-cache:next-status-change"


def lifetime_end(now, generation):
    """Until when something rendered or read at `now` may be kept: PAGE_CACHE_SECONDS, and no
    later than the next instant an intake changes status, which pages show."""
    expires_at = now + settings.PAGE_CACHE_SECONDS
    if status_change := next_status_change(now, generation):
        expires_at = min(expires_at, status_change)
    return expires_at


def next_status_change(now, generation):
    """Intake.objects.next_status_change() as a timestamp, read once per generation: intakes
    are content, so a change to one starts a new generation, and until that instant comes no
    intake changes status. Kept no longer than PAGE_CACHE_SECONDS either."""
    try:
        kept = cache.get(STATUS_CHANGE_KEY)
    except Exception:  # Any backend error (Redis down): ask the database.
        logger.exception("Page cache: could not read")
        kept = None
    if kept is not None and kept[0] == generation and now < kept[1]:
        return kept[2]
    found = Intake.objects.next_status_change(datetime.fromtimestamp(now, UTC))
    status_change = found.timestamp() if found else None
    valid_until = min(filter(None, (now + settings.PAGE_CACHE_SECONDS, status_change)))
    if valid_until > now:
        try:
            cache.set(
                STATUS_CHANGE_KEY,
                (generation, valid_until, status_change),
                timeout=max(1, round(valid_until - now)),
            )
        except Exception:  # Any backend error: read again next time.
            logger.exception("Page cache: could not keep the next status change")
    return status_change


def kept_content(name, build):
    """What `build()` returns, rows that public pages show (a list of model instances, say),
    read from the database once and then kept like the pages: under the current generation,
    until the next intake status change, PAGE_CACHE_SECONDS at most.

    For the parts of a page that do not vary with its address or visitor (the home page's
    content, its program cards), so that rendering a page the page cache does not hold (a new
    address, a new time zone, a logged-in visitor) does not read them again. `name` says what
    was built, with whatever it was built from. With the page cache off or the cache not
    answering, build() is called each time."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return build()
    key = f"page-cache:content:{name}"
    generation, kept = fetch(key)
    if kept is not None and kept[0] == generation and time.time() < kept[1]:
        return kept[2]
    # The generation was read before the rows: rows read just before a staff edit commits
    # are kept under the generation that its commit ends, so they are never served. And their
    # lifetime counts from before they were read, as does a page's.
    started = time.time()
    value = build()
    now = time.time()
    if generation is not None and (expires_at := lifetime_end(started, generation)) > now:
        try:
            cache.set(key, (generation, expires_at, value), timeout=max(1, round(expires_at - now)))
        except Exception:  # Any backend error (Redis down): read again next time.
            logger.exception("Page cache: could not keep %s", name)
    return value
