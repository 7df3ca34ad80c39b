from django.urls import path

from programs import views

app_name = "programs"

urlpatterns = [
    path("", views.CatalogView.as_view(), name="catalog"),
    path("deadlines.ics", views.all_deadlines_feed, name="deadlines_feed"),
    path("supervisors/", views.SupervisorListView.as_view(), name="supervisors"),
    path(
        "supervisors/<slug:slug>/",
        views.SupervisorDetailView.as_view(),
        name="supervisor_detail",
    ),
    path("<slug:slug>/", views.ProgramDetailView.as_view(), name="detail"),
    path(
        "<slug:slug>/deadlines.ics",
        views.program_deadlines_feed,
        name="program_deadlines_feed",
    ),
]
