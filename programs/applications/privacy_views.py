"""A student's own data: download it all, or delete the account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from programs.applications.forms import DeleteAccountForm
from programs.applications.privacy import user_delete_account, user_export_data


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

    template_name = "programs/applications/delete_account.html"
    form_class = DeleteAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user_delete_account(user=self.request.user)
        logout(self.request)
        messages.success(self.request, _("Your account has been deleted."))
        return redirect("home")
