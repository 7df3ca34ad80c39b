"""The page cache in front of Django's handler (portal.wsgi: PageCacheApplication): gunicorn's
application answers a kept page itself, exactly as the middleware would, and hands everything
else to Django."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import reverse

from partnership.models import KeyFigure
from portal.wsgi import application, django_application
from tests.factories import StudentProfileFactory
from tests.portal.test_page_cache import LANGUAGES, PUBLIC_PAGES, url

pytestmark = pytest.mark.django_db


def serve(app, path, **headers):
    """(status, headers, body) of `app` for a GET of `path` (a WSGI call, as gunicorn makes)."""
    environ = RequestFactory().get(path, headers=headers).environ
    return call(app, environ)


def call(app, environ):
    # As Django's test client does: the test's database connection stays open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        started = []
        body = b"".join(app(environ, lambda status, pairs: started.append((status, pairs))))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started[0][0], started[0][1], body


@pytest.fixture
def django_calls():
    """How many requests reached Django's handler."""
    calls = []
    receiver = lambda **kwargs: calls.append(1)  # noqa: E731
    request_started.connect(receiver)
    yield calls
    request_started.disconnect(receiver)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_a_kept_page_is_answered_in_front_as_django_answers_it(
    content, page, language, django_calls
):
    address = url(page, content, language)
    status, rendered_headers, rendered = serve(application, address)  # rendered and kept
    assert status == "200 OK" and len(django_calls) == 1

    front = serve(application, address)
    behind = serve(django_application, address)  # the middleware's own answer of the kept page

    assert len(django_calls) == 2, "the second request did not reach Django"
    assert front[0] == behind[0] == "200 OK"
    assert front[2] == behind[2] == rendered
    assert sorted(front[1]) == sorted(behind[1])
    assert sorted(front[1]) == sorted(rendered_headers)
    assert not [value for name, value in front[1] if name.lower() == "set-cookie"]


def test_a_current_copy_gets_304_in_front(content, django_calls):
    address = url("home", content)
    etag = dict(serve(application, address)[1])["ETag"]

    status, headers, body = serve(application, address, if_none_match=etag)

    assert status == "304 Not Modified" and body == b""
    assert dict(headers)["ETag"] == etag
    assert len(django_calls) == 1
    assert serve(application, address, if_none_match='"older"')[0] == "200 OK"


def test_a_staff_edit_reaches_the_front_on_the_next_request(content, django_calls):
    address = url("home", content)
    serve(application, address)
    figure = KeyFigure.objects.order_by("pk").first()
    figure.label = "Seen through the front"
    figure.save()

    status, _headers, body = serve(application, address)

    assert "Seen through the front" in body.decode()
    assert len(django_calls) == 2  # rendered again by Django


def test_a_visitor_with_a_session_goes_to_django(client, content, django_calls):
    address = url("home", content)
    serve(application, address)
    client.force_login(StudentProfileFactory().user)
    session = client.cookies["sessionid"].value

    status, headers, body = serve(application, address, cookie=f"sessionid={session}")

    assert len(django_calls) == 2
    assert "no-store" in dict(headers)["Cache-Control"]
    assert reverse("applications:dashboard") in body.decode()


def test_a_host_django_refuses_is_refused_in_front_too(content, django_calls):
    address = url("home", content)
    serve(application, address)

    assert serve(application, address, host="evil.example")[0].startswith("400")
    assert len(django_calls) == 2


def test_other_methods_go_to_django(content, django_calls):
    address = url("home", content)
    serve(application, address)
    status, _headers, _body = call(application, RequestFactory().head(address).environ)
    assert status == "200 OK" and len(django_calls) == 2  # gunicorn drops the body of a HEAD


def test_turned_off_every_request_goes_to_django(content, settings, django_calls):
    settings.PAGE_CACHE_SECONDS = 0
    address = url("timeline", content)
    serve(application, address)
    serve(application, address)
    assert len(django_calls) == 2
