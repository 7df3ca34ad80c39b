"""Every named URL of the portal and how the quality gates visit it.

tests/portal/test_page_inventory.py fails for any named URL (outside Django's admin) that has no
entry here, so a new page cannot skip the gates: accessibility (axe-core), valid HTML (Nu Html
Checker), security headers and odd query strings. Adding a page is one line:

    Page("home"),
    Page("news:detail", kwargs={"slug": "cooperation-2020"}),         # fixed path arguments
    Page("programs:detail", kwargs="tests.programs.factories.program_kwargs"),  # built per test
    Page("applications:dashboard", login=STUDENT),                    # a logged-in student
    Page("news:feed", content="application/rss+xml"),                 # not HTML: no axe/vnu
    Excluded("logout", "POST only: logs the visitor out"),

A dotted `kwargs` names a function `(user) -> dict` called inside the test with the logged-in
user (or None): it creates the objects the page shows, with factories, and returns the URL's
keyword arguments. The dotted path is imported only by the tests, so the portal never imports
test code.
"""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

HTML = "text/html"
STUDENT = "student"
STAFF = "staff"


@dataclass(frozen=True)
class Page:
    name: str | None
    kwargs: dict | str = field(default_factory=dict)
    login: str | None = None  # None (anonymous), STUDENT or STAFF
    content: str = HTML  # the media type the page answers with
    status: int = 200
    query: str = ""
    path: str | None = None  # only for pages without a URL name, such as the 404 page

    @property
    def is_html(self):
        return self.content == HTML

    @property
    def label(self):
        return self.name or self.path


@dataclass(frozen=True)
class Excluded:
    """A named URL the page gates do not visit, with the reason."""

    name: str
    reason: str


PAGES = [
    Page("home"),
    Page("login"),
    Page("healthz", content="application/json"),
    Page(None, path="/no-such-page/", status=404),
]

EXCLUDED = [
    Excluded("logout", "POST only: logs the visitor out (tested with the login)"),
    Excluded("set_language", "POST only: the language switcher on every page posts to it"),
]

# Django's admin is Django's own markup: the header and throttling gates cover it, not axe/vnu.
EXCLUDED_NAMESPACES = {"admin"}


def named_urls(patterns=None, prefix=""):
    """Every URL name in the URLconf, namespaced as reverse() expects ("news:detail")."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in EXCLUDED_NAMESPACES and not prefix:
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from named_urls(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name
