"""Addresses kept per process (core/addresses.py, core/static_files.py) follow the settings
they are worked out from, as tests change them at run time."""

import json

from django.http import HttpResponse
from django.test import override_settings
from django.urls import path
from django.utils import translation

from core.addresses import reverse_kept
from core.static_files import StaticFilesStorage


def elsewhere(request):
    return HttpResponse()


urlpatterns = [path("elsewhere/home/", elsewhere, name="home")]


def test_kept_addresses_follow_a_changed_urlconf():
    with translation.override("en"):
        assert reverse_kept("home") == "/en/"
        with override_settings(ROOT_URLCONF=__name__):
            assert reverse_kept("home") == "/elsewhere/home/"
        assert reverse_kept("home") == "/en/"


def test_static_addresses_follow_debug(tmp_path, settings):
    manifest = {"version": "1.1", "paths": {"css/portal.css": "css/portal.0123abcd.css"}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    storage = StaticFilesStorage(location=tmp_path, base_url="/static/")
    settings.DEBUG = False
    assert storage.url("css/portal.css") == "/static/css/portal.0123abcd.css"
    settings.DEBUG = True  # Django names the file as it is in the source tree
    assert storage.url("css/portal.css") == "/static/css/portal.css"
    settings.DEBUG = False
    assert storage.url("css/portal.css") == "/static/css/portal.0123abcd.css"
