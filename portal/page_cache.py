"""The full-page cache of anonymous visitors' public pages, and their HTTP caching headers.

The profile (bench/public_pages.py says more) showed the time of an anonymous page going into
rendering and the ORM building its queries, not into the database; and every visitor gets the
same page. So a page marked `core.page_cache.public_page` is kept in the default cache, per
address, language and time zone, and served before sessions, the URLconf or the view run.

A kept page is served only while
- its generation is current: any save, deletion or many-to-many change of what public pages
  show (the partnership and programs apps) starts a new one (`core.page_cache.pages_changed`);
- the next instant an intake opens, starts closing soon or closes has not come, because pages
  show intakes' statuses (`IntakeQuerySet.next_status_change`, the status rule's own method);
- and at most PAGE_CACHE_SECONDS after it was rendered.

Only GET requests without a session or messages cookie are served from or stored in the cache,
and only a 200 response of a marked view that sets no cookie is stored: such a page carries
nothing of one visitor. Logged-in pages are never kept: they are `private, no-store`.
"""

import hashlib
import logging
import time
from typing import NamedTuple

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, get_conditional_response, quote_etag
from django.utils.http import http_date

from core.page_cache import (
    pages_changed,
    start_new_generation,
)
from core.timezones import visitor_time_zone
from programs.kept_content import fetch, lifetime_end

logger = logging.getLogger(__name__)

# The apps whose rows public pages show; a change to any of their models starts a new generation.
CONTENT_APPS = {"partnership", "programs"}
# Browsers and proxies keep a page this long at most, then ask again (If-None-Match).
BROWSER_MAX_AGE = 60
# Headers set per response, never stored with the page.
UNSTORED_HEADERS = {"cache-control", "etag", "last-modified", "expires", "date"}


class CachedPage(NamedTuple):
    """A kept page: the view's body and headers with its validators, in plain values, so that
    reading it back from the cache is cheap (no pickled HttpResponse) and serving it sets
    only its remaining lifetime."""

    generation: int
    expires_at: float
    rendered_at: float
    etag: str
    last_modified: str
    content: bytes
    headers: tuple  # (lowercased name, (name, value)) pairs, as ResponseHeaders keeps them

    def response(self):
        response = HttpResponse(self.content)
        # The headers were checked when the page was rendered (HttpResponse.__setitem__
        # encodes and validates each, an eighth of a hit's time): they are put back as kept.
        response.headers._store.update(self.headers)
        return response


class PageCacheMiddleware:
    """Serves and stores public pages; goes first in MIDDLEWARE, so that a kept page costs no
    other middleware's work, and the headers of all of them (security, CSP) are kept with it."""

    def __init__(self, get_response):
        self.get_response = get_response
        # A process that starts may run new code, templates or settings (a deployment): the
        # pages its predecessors kept are not served.
        start_new_generation()

    def __call__(self, request):
        if not is_anonymous_get(request):
            return keep_private(request, self.get_response(request))
        key, generation, page = kept_page(request)
        if page is not None:
            return conditional(request, page.response(), page)
        started = time.time()  # the page shows what is true now: it is kept from now on
        response = self.get_response(request)
        if generation is not None and is_storable(response):
            page = store(key, response, generation, started)
            if page is not None:
                return conditional(request, response, page)
        return response


class PageCacheApplication:
    """The WSGI application that gunicorn serves (portal.wsgi): a kept page is answered here,
    before Django's handler, so that a hit costs neither the request signals, the middleware
    chain nor an HttpResponse (half of a hit's time in the profile). Everything else, and the
    storing of every page, is Django's: PageCacheMiddleware, which also answers hits where this
    wrapper is not in front (the test client, ASGI)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        request = WSGIRequest(environ)  # read-only here: Django's handler makes its own
        if is_anonymous_get(request):
            try:
                page = kept_page(request)[2]
            except DisallowedHost:
                page = None  # Django answers it: 400, logged
            if page is not None:
                return answer_kept_page(request, page, start_response)
        return self.application(environ, start_response)


def answer_kept_page(request, page, start_response):
    """The kept page as PageCacheMiddleware would answer it; a conditional request takes the
    middleware's own path (rare: browsers revalidate once a minute at most)."""
    if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
        response = conditional(request, page.response(), page)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]
    headers = [pair for _lowered, pair in page.headers]
    headers += [
        ("Cache-Control", cache_control(page)),
        ("ETag", page.etag),
        ("Last-Modified", page.last_modified),
    ]
    start_response("200 OK", headers)
    return [page.content]


def kept_page(request):
    """(key, generation, the kept page or None): None unless it is of the current generation
    and its lifetime has not ended."""
    key = page_key(request)
    generation, page = fetch(key)
    if page is not None and page.generation == generation and time.time() < page.expires_at:
        return key, generation, page
    return key, generation, None


def is_anonymous_get(request):
    cookies = request.COOKIES
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def keep_private(request, response):
    """A page for a visitor with a session (logged in) is theirs alone: no cache keeps it."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES and "Cache-Control" not in response:
        add_never_cache_headers(response)
    return response


def page_key(request):
    """The absolute address with its query (pages name themselves with it: canonical and
    hreflang links), the page's language (as LocaleMiddleware will pick it) and the visitor's
    time zone, in which deadlines are shown.

    The address is put together from its parts rather than with build_absolute_uri(), which
    quotes it again: the same page has the same parts. get_host() still refuses a host
    that ALLOWED_HOSTS does not allow (400), as it would further down."""
    address = (
        f"{request.scheme}://{request.get_host()}{request.path}"
        f"?{request.META.get('QUERY_STRING', '')}"
    )
    language = request_language(request)
    zone = visitor_time_zone(request).key
    digest = hashlib.md5(f"{address}\n{language}\n{zone}".encode(), usedforsecurity=False)
    return f"page-cache:page:{digest.hexdigest()}"


def request_language(request):
    """The language LocaleMiddleware activates for this request (its own steps, as the cache
    answers before it runs)."""
    prefixes_used, default_prefixed = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    if prefixes_used and (language := translation.get_language_from_path(request.path_info)):
        return language
    if prefixes_used and not default_prefixed:
        return settings.LANGUAGE_CODE
    return translation.get_language_from_request(request, check_path=False)


def is_storable(response):
    return (
        getattr(response, "is_public_page", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
    )


def store(key, response, generation, rendered_at):
    """Keep the page rendered from `rendered_at` on: an intake that changed status while it
    was being rendered leaves it unkept."""
    now = time.time()
    expires_at = lifetime_end(rendered_at, generation)
    if expires_at <= now:
        return None
    content = response.content
    etag = quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest())
    headers = tuple(
        (lowered, pair)
        for lowered, pair in response.headers._store.items()
        if lowered not in UNSTORED_HEADERS
    )
    page = CachedPage(
        generation=generation,
        expires_at=expires_at,
        rendered_at=rendered_at,
        etag=etag,
        last_modified=http_date(rendered_at),
        content=content,
        headers=headers,
    )
    try:
        cache.set(key, page, timeout=max(1, round(expires_at - now)))
    except Exception:  # Any backend error (Redis down): this response goes out uncached.
        logger.exception("Page cache: could not store %s", key)
        return None
    return page


def conditional(request, response, page):
    """The page's validators and lifetime on the response; 304 if the visitor's copy is it."""
    response["Cache-Control"] = cache_control(page)
    response["ETag"] = page.etag
    response["Last-Modified"] = page.last_modified
    if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
        last_modified = int(page.rendered_at)
        return (
            get_conditional_response(
                request, etag=page.etag, last_modified=last_modified, response=response
            )
            or response
        )
    return response


def cache_control(page):
    max_age = max(0, min(BROWSER_MAX_AGE, int(page.expires_at - time.time())))
    return f"public, max-age={max_age}, must-revalidate"


def content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        pages_changed()


def settings_changed(**kwargs):
    """Settings change at run time only in tests (override_settings); pages follow them there
    as they do after a restart."""
    start_new_generation()


def invalidate_on_content_changes():
    """Any row of CONTENT_APPS saved, deleted or linked (admin forms, bulk deletions, the
    document import) starts a new generation. `QuerySet.update()` sends no signal: code
    that updates such rows in bulk calls `core.page_cache.pages_changed()` itself."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid="page-cache")
    setting_changed.connect(settings_changed, dispatch_uid="page-cache")
