"""What the full-page cache (portal.page_cache) needs from the apps: which views show the same
page to every anonymous visitor, and the "generation" that a change of their content moves on.

Pages are kept under the generation they were rendered in and served only while it is current,
so one cache write makes every kept page stale at once, whatever its address or language.
"""

import logging
import time
from functools import wraps

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"


def public_page(view):
    """Mark a view whose page is the same for every anonymous visitor of one address, language
    and time zone, so the page cache and proxies may keep it (portal.page_cache decides, per
    request, whether they do). Class-based views: `@method_decorator(public_page, "dispatch")`.
    """

    @wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.is_public_page = True
        return response

    return marked


def new_generation():
    """Start a new generation and return it; a value never used before, so that no page kept
    under an older one (or under one the cache evicted) can match it."""
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, timeout=None)
    return generation


def pages_changed():
    """Content that public pages show has changed: none of the kept pages may be served again.

    Now, so that this process's next page shows the change, and once more after the
    transaction commits, since a page rendered meanwhile by another request read the old rows.
    """
    start_new_generation()
    transaction.on_commit(start_new_generation, robust=True)


def start_new_generation():
    """`new_generation()`, where a cache that does not answer is logged, not raised: the save
    (or start) that calls it must not fail. The pages kept meanwhile expire on their own."""
    try:
        new_generation()
    except Exception:  # Any backend error, e.g. Redis down.
        logger.exception("Page cache: could not start a new generation")
