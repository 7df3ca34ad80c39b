"""Decisions in the application admin: the buttons on an application's page, the bulk
actions on the list, and the free-seat hint. Every move goes through
services.application_decide, which holds the transition and capacity rules.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from applications.models import Application
from applications.seats import seats_left
from applications.services import ApplicationStateError
from applications.states import ApplicationState, can_transition
from programs.models import Intake
from selection import rules, services
from selection.filters import IntakeFilter
from selection.selectors import ranked

DECISION_LABELS = {
    "shortlist": _("Shortlist"),
    "offer": _("Make an offer"),
    "waitlist": _("Put on the waitlist"),
    "reject": _("Reject"),
}


class DecisionAdminMixin:
    """For ApplicationAdmin, which provides `_get_visible_or_404` and `applicant_name`."""

    def free_seats_context(self, request):
        """With one intake in view, point out seats freed by declines or lapsed offers."""
        intake_id = request.GET.get(IntakeFilter.parameter_name, "")
        if not (intake_id.isdigit() and rules.can_see_all_applications(request.user)):
            return {}
        intake = Intake.objects.filter(pk=intake_id).first()
        if intake is None:
            return {}
        waiting = Application.objects.filter(intake=intake, state=ApplicationState.WAITLISTED)
        free = seats_left(intake)
        if not (free and waiting.exists()):
            return {}
        return {"free_seats": free, "free_seats_intake": intake}

    def decision_context(self, request, application):
        decisions = []
        if rules.can_decide(request.user):
            decisions = [
                (key, label)
                for key, label in DECISION_LABELS.items()
                if can_transition(application.state, services.DECISIONS[key])
            ]
        return {
            "decisions": decisions,
            "seats_left": seats_left(application.intake),
            "can_review": rules.can_review(request.user, application)
            and application.state in services.REVIEWABLE_STATES,
        }

    def decide_view(self, request, object_id):
        return require_POST(self._decide)(request, object_id)

    def _decide(self, request, object_id):
        application = self._get_visible_or_404(request, object_id)
        if not rules.can_decide(request.user):
            raise PermissionDenied
        decision = request.POST.get("decision")
        if decision not in services.DECISIONS:
            messages.error(request, gettext("Choose one of the decisions."))
        else:
            self._decide_one(request, application, decision)
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:applications_application_change", args=[application.pk])
        return HttpResponseRedirect(next_url)

    def _decide_one(self, request, application, decision):
        """Apply one decision; on refusal say which application and why."""
        try:
            services.application_decide(application=application, decision=decision, by=request.user)
        except (ApplicationStateError, PermissionDenied) as error:
            reason = " ".join(error.messages) if hasattr(error, "messages") else str(error)
            messages.warning(
                request,
                gettext("%(application)s (%(name)s) was not changed: %(reason)s")
                % {
                    "application": application,
                    "name": self.applicant_name(application),
                    "reason": reason,
                },
            )
            return False
        messages.success(
            request,
            gettext("%(application)s is now “%(state)s”.")
            % {
                "application": application,
                "state": ApplicationState(services.DECISIONS[decision]).label,
            },
        )
        return True

    def _decide_all(self, request, queryset, decision):
        if decision == "offer":
            # When seats run out, the best-scored applications have had theirs.
            queryset = ranked(queryset)
        moved = sum(self._decide_one(request, application, decision) for application in queryset)
        if not moved:
            messages.error(request, gettext("No application was changed."))

    @admin.action(description=_("Shortlist selected applications"), permissions=["change"])
    def shortlist(self, request, queryset):
        self._decide_all(request, queryset, "shortlist")

    @admin.action(description=_("Make offers to selected applications"), permissions=["change"])
    def make_offer(self, request, queryset):
        self._decide_all(request, queryset, "offer")

    @admin.action(description=_("Waitlist selected applications"), permissions=["change"])
    def waitlist(self, request, queryset):
        self._decide_all(request, queryset, "waitlist")

    @admin.action(description=_("Reject selected applications"), permissions=["change"])
    def reject(self, request, queryset):
        self._decide_all(request, queryset, "reject")
