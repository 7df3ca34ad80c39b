from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from accounts.urls import auth_urlpatterns
from portal import views
from portal.sitemaps import sitemaps

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("", include("portal.urls_partnership")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("programs/", include("programs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("accounts.urls")),
    path("applications/", include("programs.application_urls")),
    path("admin/", admin.site.urls),
]

# Staff-uploaded photos, served by Django only in development (DEBUG); production serves
# MEDIA_ROOT from the web server.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
