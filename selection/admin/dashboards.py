"""Intake dashboards in the application admin: counts by state, by day, by university."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from programs.models import Intake
from selection import rules
from selection.dashboard import intake_figures


class DashboardAdminMixin:
    """For ApplicationAdmin: the pages under /admin/applications/application/intakes/."""

    def dashboard_index_view(self, request):
        if not rules.can_see_all_applications(request.user):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Intake dashboards"),
            "intakes": Intake.objects.select_related("program").order_by("-opens_at"),
        }
        return TemplateResponse(request, "selection/admin/intake_index.html", context)

    def dashboard_view(self, request, intake_id):
        if not rules.can_see_all_applications(request.user):
            raise PermissionDenied
        intake = get_object_or_404(Intake.objects.select_related("program"), pk=intake_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Dashboard: %s") % intake,
            "intake": intake,
            "figures": intake_figures(intake),
            "decide_url_name": "admin:applications_application_decide",
        }
        return TemplateResponse(request, "selection/admin/intake_dashboard.html", context)
