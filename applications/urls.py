"""The student's applications, included at /applications/."""

from django.urls import path
from django.views.generic import RedirectView

from applications import views
from applications.interviews import views as interview_views
from applications.referees import views as referee_views

app_name = "applications"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("intake/<int:intake_id>/start/", views.StartView.as_view(), name="start"),
    path("<int:pk>/", views.ApplicationDetailView.as_view(), name="detail"),
    path("<int:pk>/continue/", views.ResumeView.as_view(), name="resume"),
    path("<int:pk>/profile/", views.ProfileStepView.as_view(), name="step_profile"),
    path("<int:pk>/motivation/", views.StatementStepView.as_view(), name="step_statement"),
    path("<int:pk>/documents/", views.DocumentsStepView.as_view(), name="step_documents"),
    path("<int:pk>/supervisors/", views.SupervisorsStepView.as_view(), name="step_supervisors"),
    path("<int:pk>/referees/", referee_views.RefereesStepView.as_view(), name="step_referees"),
    path(
        "<int:pk>/referees/<int:referee_id>/replace/",
        referee_views.RefereeReplaceView.as_view(),
        name="referee_replace",
    ),
    path(
        "<int:pk>/referees/<int:referee_id>/remind/",
        referee_views.RefereeRemindView.as_view(),
        name="referee_remind",
    ),
    path("<int:pk>/review/", views.ReviewView.as_view(), name="review"),
    path("<int:pk>/submitted/", views.SubmittedView.as_view(), name="submitted"),
    path("<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("<int:pk>/offer/", views.OfferReplyView.as_view(), name="offer_reply"),
    path("<int:pk>/interview/", interview_views.InterviewView.as_view(), name="interview"),
    path("documents/<uuid:pk>/", views.DocumentView.as_view(), name="document"),
    # The referee's page: a signed link, no account (applications.referees.links).
    path("letters/<str:token>/", referee_views.RefereeLetterView.as_view(), name="referee_letter"),
    # Their addresses until the data pages moved to the account (accounts.urls).
    path("my-data/", RedirectView.as_view(pattern_name="accounts:export_my_data", permanent=True)),
    path(
        "delete-account/",
        RedirectView.as_view(pattern_name="accounts:delete_account", permanent=True),
    ),
]
