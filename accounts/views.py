import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView, UpdateView

from accounts import services
from accounts.forms import (
    DeleteAccountForm,
    ProfilePageForm,
    SignUpForm,
    ThrottledPasswordResetForm,
)
from accounts.personal_data import deletion_consequences, user_delete_account, user_export_data
from accounts.selectors import profile_for_user


class LoginView(auth_views.LoginView):
    """Django's; where it sends the visitor on (`next`) stays when they switch language."""

    redirect_authenticated_user = True
    query_parameters = ("next",)  # core.languages.page_query


@method_decorator(sensitive_post_parameters("password1", "password2"), name="dispatch")
class SignUpView(FormView):
    template_name = "accounts/signup.html"
    form_class = SignUpForm
    success_url = reverse_lazy("accounts:account")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("accounts:account")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            user = services.user_sign_up(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                language=get_language(),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        # The password was just set, not checked by a backend: say which backend logs in.
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        services.user_send_verification_email(user=user, request=self.request)
        messages.success(
            self.request,
            _(
                "Welcome! We have sent a link to %(email)s. Open it to confirm your "
                "address before you submit an application."
            )
            % {"email": user.email},
        )
        return super().form_valid(form)


@never_cache
def verify_email(request, token):
    """Opened from the emailed link; safe to open twice (the first time counts)."""
    try:
        result = services.user_verify_email(token=token, current_user=request.user)
    except services.VerificationError as error:
        return render(
            request, "accounts/verify_email_failed.html", {"reason": error.message}, status=400
        )
    if result.already_verified:
        messages.info(request, _("Your email address was already confirmed."))
    else:
        messages.success(request, _("Thank you: your email address is confirmed."))
    if request.user.is_authenticated:
        return redirect("accounts:account")
    return redirect("login")


class ResendVerificationView(LoginRequiredMixin, TemplateView):
    """Asks for a new link; POST only sends, so a prefetching mail client cannot."""

    template_name = "accounts/resend_verification.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.is_email_verified:
            messages.info(request, _("Your email address is already confirmed."))
            return redirect("accounts:account")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        try:
            services.user_resend_verification_email(user=request.user, request=request)
        except services.ResendRefused as refusal:
            messages.warning(request, refusal.message)
            return redirect("accounts:resend_verification")
        messages.success(
            request, _("We have sent a new link to %(email)s.") % {"email": request.user.email}
        )
        return redirect("accounts:account")


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=profile_for_user(self.request.user), **kwargs)


class ProfileUpdateView(LoginRequiredMixin, SuccessMessageMixin, UpdateView):
    form_class = ProfilePageForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")
    success_message = _("Your profile has been saved.")

    def get_object(self, queryset=None):
        return profile_for_user(self.request.user)


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:account")
    success_message = _("Your password has been changed.")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ThrottledPasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")


class ExportMyDataView(LoginRequiredMixin, View):
    def get(self, request):
        data = user_export_data(user=request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        filename = f"my-data-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class DeleteAccountView(LoginRequiredMixin, FormView):
    """Asks for the password, because this cannot be undone."""

    template_name = "accounts/delete_account.html"
    form_class = DeleteAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        consequences = deletion_consequences(user=self.request.user)
        return super().get_context_data(consequences=consequences, **kwargs)

    def form_valid(self, form):
        user_delete_account(user=self.request.user)
        logout(self.request)
        messages.success(self.request, _("Your account has been deleted."))
        return redirect("home")
