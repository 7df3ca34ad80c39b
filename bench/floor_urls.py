"""The portal's URLconf and /bench/empty/ (see floor_settings): a page that only says who asked,
which reads the visitor's session and account as every logged-in page does."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler500  # noqa: F401 (the portal's error page)
from portal.urls import urlpatterns as portal_urlpatterns


def empty_page(request):
    who = request.user.get_username() if request.user.is_authenticated else "visitor"
    return HttpResponse(f"Hello, {who}.\n", content_type="text/plain")


urlpatterns = [*portal_urlpatterns, path("bench/empty/", empty_page)]
