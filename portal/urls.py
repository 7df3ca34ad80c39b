import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from accounts import views as accounts_views
from accounts.urls import auth_urlpatterns
from portal import views
from portal.sitemaps import sitemaps

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("", include("partnership.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("programs/", include("programs.urls")),
    # Django's set_language (django.conf.urls.i18n), wrapped to remember a user's choice.
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("accounts.urls")),
    path("applications/", include("applications.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    # django.conf.urls.static.static() serves only under DEBUG; this serves with DEBUG off too.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", views.serve_media)
    ]

handler500 = "portal.errors.server_error"
