from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.AccountView.as_view(), name="account"),
    path("signup/", views.SignUpView.as_view(), name="signup"),
    path("profile/", views.ProfileUpdateView.as_view(), name="profile"),
    path("verify/", views.ResendVerificationView.as_view(), name="resend_verification"),
    path("verify/<str:token>/", views.verify_email, name="verify_email"),
    path("my-data/", views.ExportMyDataView.as_view(), name="export_my_data"),
    path("delete/", views.DeleteAccountView.as_view(), name="delete_account"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

# Log in and out keep Django's un-namespaced names (settings.LOGIN_URL = "login").
auth_urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
