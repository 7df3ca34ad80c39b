"""Pages have one address per language (/en/…, /zh-hans/…): the same page in another language.

The language switcher and the `<link rel="alternate" hreflang>` tags of every page are made from
here, so both always point at the same page: its path and its own query parameters (page_query).
"""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, is_valid_path, reverse, translate_url
from django.utils import translation


def address_in_language(url, language):
    """`url` in `language`: its path translated; an old address without a language prefix gets
    one first. A path the site does not know becomes the home page in that language."""
    parts = urlsplit(url)
    path = parts.path or "/"
    path_language = translation.get_language_from_path(path)
    if path_language is None:
        path, path_language = f"/{language}{path}", language
    # The URLconf matches only the active language's prefix: read the path in its own language.
    with translation.override(path_language):
        if is_valid_path(path):
            return translate_url(urlunsplit(("", "", path, parts.query, "")), language)
    with translation.override(language):
        return reverse("home")


def page_in_languages(request):
    """The page being shown in every language of the site, the site's default language first:
    dicts with the language's code, its own name, the path and the absolute URL, and the
    page's address without a language (hreflang x-default, as Django's sitemaps have it: it
    sends each visitor to their language). Empty for a page without per-language addresses
    (the admin, an unknown address).

    Each page asks twice (its hreflang links and the switcher): the answer is kept on the
    request, per active language, as resolving and reversing the address is most of its cost."""
    if request.resolver_match is None or not translation.get_language_from_path(request.path_info):
        return []
    kept = request.__dict__.setdefault("_page_in_languages", {})
    current = translation.get_language()
    if current not in kept:
        kept[current] = _addresses_in_languages(request, current)
    return kept[current]


def _addresses_in_languages(request, current):
    """The page's own route reversed in each language (what translate_url() does, without
    resolving the address again), with the page's own query parameters."""
    match = request.resolver_match
    route = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    query = page_query(request)
    full_path = request.path + query
    prefix = f"/{translation.get_language_from_path(request.path_info)}/"
    without_language = request.build_absolute_uri(full_path.replace(prefix, "/", 1))
    addresses = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                path = reverse(route, args=match.args, kwargs=match.kwargs) + query
            except NoReverseMatch:
                path = full_path
        addresses.append(
            {
                "code": code,
                "name_local": translation.get_language_info(code)["name_local"],
                "path": path,
                "url": request.build_absolute_uri(path),
                "is_current": code == current,
                "without_language": without_language,
            }
        )
    return addresses


def page_query(request):
    """The query string of the parameters that pick what the page shows, in the order asked
    ("?kind=camp&page=2"; "" for none): those its view names in `query_parameters`. Others (a
    campaign's utm_source, a crawler's cache buster) show the same page, so its alternates name
    the page without them, as search engines ask of hreflang, and its kept parts (the header,
    the alternates) serve every such address."""
    match = request.resolver_match
    view_class = getattr(match.func, "view_class", None) if match else None
    names = getattr(view_class, "query_parameters", ())
    if not names:
        return ""  # nor read the query: an odd one (too many fields) fails only where it is read
    own = [
        (name, value) for name, values in request.GET.lists() if name in names for value in values
    ]
    return "?" + urlencode(own) if own else ""
