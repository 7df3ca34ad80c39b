import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from accounts.urls import auth_urlpatterns
from portal import languages, views
from portal.sitemaps import sitemaps

# Every page a visitor or student reads has one address per language: /en/… and /zh-hans/….
# Unprefixed addresses are the old, cookie-based ones: portal.languages.LocaleMiddleware
# redirects them permanently (301) to their new address.
urlpatterns = i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("partnership.urls")),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("programs/", include("programs.urls")),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("accounts.urls")),
    path("applications/", include("applications.urls")),
)

# Addresses without a language: machines' files, the staff admin, the language choice at "/".
urlpatterns += [
    path("", languages.choose_language, name="choose_language"),
    path("i18n/setlang/", languages.old_language_switch, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    # django.conf.urls.static.static() serves only under DEBUG; this serves with DEBUG off too.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", views.serve_media)
    ]

handler500 = "portal.errors.server_error"
