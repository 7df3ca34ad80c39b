import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import path

from portal import urls as portal_urls
from tests.factories import StudentProfileFactory
from tests.portal.test_page_cache import url

pytestmark = pytest.mark.django_db


def test_home_has_skip_link_navigation_and_language_switcher(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert 'aria-label="Main navigation"' in html
    assert (
        '<a class="nav-link language-switcher" href="/zh-hans/" hreflang="zh-hans" lang="zh-hans">'
        in html
    )
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "cdn" not in html.lower()


def test_the_chinese_address_sets_html_lang_and_translates(client):
    html = client.get("/zh-hans/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert "浙大–阿里巴巴联合培养" in html  # the home page heading, from our catalogue


def test_unknown_page_uses_the_custom_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="#main"' in response.content.decode()


def _raise_permission_denied(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


def _raise_error(request):
    raise RuntimeError("boom")


def _lose_the_database(request):
    from django.db import OperationalError

    raise OperationalError("could not connect to server")


urlpatterns = [
    path("forbidden/", _raise_permission_denied),
    path("broken/", _raise_error),
    path("database-down/", _lose_the_database),
    *portal_urls.urlpatterns,
]
handler500 = portal_urls.handler500


@override_settings(ROOT_URLCONF=__name__)
def test_forbidden_page_uses_the_custom_403(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "Access denied" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_uses_the_custom_500(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_a_lost_database_is_the_503_page_not_a_500(client):
    client.raise_request_exception = False
    response = client.get("/database-down/")
    assert response.status_code == 503
    assert "The portal is unavailable for a moment" in response.content.decode()


def test_cache_round_trip_on_the_configured_backend(settings):
    cache.set("portal-test-key", {"ok": True}, 30)
    assert cache.get("portal-test-key") == {"ok": True}
    cache.delete("portal-test-key")
    if settings.REDIS_URL:
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


# The frame of a page (core/templatetags/frame.py), rendered once per process and address.
def test_a_visitors_header_is_never_shown_to_a_logged_in_student(client, content):
    address = url("news", content)
    assert 'href="/en/accounts/login/">Log in<' in client.get(address, {"first": "visit"}).text
    client.force_login(StudentProfileFactory().user)
    signed_in = client.get(address, {"first": "visit"}).text
    assert "Log out" in signed_in and "My applications" in signed_in
    assert "Log in<" not in signed_in
    client.logout()
    visitor = client.get(address, {"second": "visit"}).text
    assert 'href="/en/accounts/login/">Log in<' in visitor and "Log out" not in visitor


def test_a_visitors_header_marks_its_own_page_and_links_to_its_own_filters(client, content):
    news = client.get(url("news", content), {"new": "address"}).text
    assert 'href="/en/news/" aria-current="page">News<' in news
    catalog = url("catalog", content)
    camps = client.get(catalog, {"kind": "camp"}).text
    internships = client.get(catalog, {"kind": "internship"}).text
    assert 'href="/en/programs/" aria-current="page">Programs<' in camps
    assert 'href="/zh-hans/programs/?kind=camp" hreflang="zh-hans"' in camps
    assert 'href="/zh-hans/programs/?kind=internship" hreflang="zh-hans"' in internships
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/programs/?kind=internship">' in (
        internships
    )
