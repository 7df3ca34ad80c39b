from django.contrib import admin
from django.urls import include, path

from accounts.urls import auth_urlpatterns
from portal import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("programs/", include("programs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]
