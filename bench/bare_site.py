"""The baseline of bench/public_pages.py: Django serving one small view, with no app, middleware,
database or template, under the same gunicorn as the portal. Its settings and URLconf are this
module (DJANGO_SETTINGS_MODULE=bare_site, ROOT_URLCONF=bare_site)."""

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bench-bare-site-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bare_site"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True


def hello(request):
    return HttpResponse("Hello from a bare Django view.\n", content_type="text/plain")


urlpatterns = [path("", hello)]
