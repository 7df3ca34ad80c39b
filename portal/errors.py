"""Server error pages: an unreachable database answers 503 "try again", anything else 500.

Django calls `handler500` for an exception raised anywhere in a request, in a view or in a
middleware (a session saved after the view), so this one place turns every lost database
connection into the same page. Both pages render without the database (base_standalone.html).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


def database_unavailable_response():
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: called inside Django's `except`, so sys.exception() is what failed."""
    if isinstance(sys.exception(), DATABASE_UNAVAILABLE):
        return database_unavailable_response()
    return HttpResponseServerError(loader.render_to_string("500.html"))
