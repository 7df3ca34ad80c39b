"""The baselines of bench/public_pages.py, under the same gunicorn as the portal. Its settings
and URLconf are this module (DJANGO_SETTINGS_MODULE=bare_site, ROOT_URLCONF=bare_site):

- "/": Django serving one small view, with no app, middleware, database or template: the
  baseline every ratio is taken against;
- "/page/": a plain Django template page of about 14 KB, some paragraphs and a list of the 30
  rows that three queries read (an SQLite database in memory): what Django itself does with a
  simple page, for reference beside a rendered page of the portal.
"""

from pathlib import Path

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

SECRET_KEY = "bench-bare-site-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bare_site"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "CONN_MAX_AGE": None}
}
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
    }
]
USE_TZ = True

# Ten numbered rows, from no table: the query costs what a small indexed read does.
ROWS = """
    WITH RECURSIVE n(i) AS (SELECT %s UNION ALL SELECT i + 1 FROM n WHERE i < %s + 9)
    SELECT i, 'Item ' || i FROM n
"""


def hello(request):
    return HttpResponse("Hello from a bare Django view.\n", content_type="text/plain")


def plain_page(request):
    rows = []
    with connection.cursor() as cursor:
        for first in (1, 11, 21):
            cursor.execute(ROWS, [first, first])
            rows += cursor.fetchall()
    return render(request, "plain_page.html", {"rows": rows})


urlpatterns = [path("", hello), path("page/", plain_page)]
