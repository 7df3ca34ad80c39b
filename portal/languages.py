"""Which language a visitor gets: the address decides; only "/" and old addresses choose.

Pages live under /en/ and /zh-hans/ (portal.urls). Before, one address served both languages
and a cookie chose; those addresses and the old switcher's /i18n/setlang/ now redirect for good
to the page in the language the visitor had chosen (cookie) or their browser asks for.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.middleware import locale
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from accounts.models import supported_language
from core.languages import address_in_language


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's: the address's language prefix sets the language; an old address without one
    is redirected to it, permanently (301), since it moved."""

    response_redirect_class = HttpResponsePermanentRedirect


@require_safe
def choose_language(request):
    """The first visit to "/": the home page in the visitor's language (Accept-Language). A 302,
    not a 301: this is a choice per visitor, and the switcher's links decide after it."""
    with translation.override(translation.get_language_from_request(request)):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@csrf_exempt  # it changes nothing: a stale page's form may post here without a valid token
def old_language_switch(request):
    """The old switcher's form posted `language` and `next` here: the page asked for, in the
    language chosen."""
    data = request.POST if request.method == "POST" else request.GET
    language = supported_language(data.get("language")) or translation.get_language()
    next_url = data.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    return HttpResponsePermanentRedirect(address_in_language(next_url, language))


class StaffLanguageMiddleware:
    """The admin has one address for both languages: it speaks the language its signed-in
    member of staff chose (User.language, on their user in the admin), not their browser's.
    Goes after AuthenticationMiddleware; only admin views with a session cookie are asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.resolver_match.namespace == "admin"
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and request.user.is_authenticated
            and (language := supported_language(request.user.language))
        ):
            translation.activate(language)
            request.LANGUAGE_CODE = language
