"""Decisions in the application admin: the buttons on an application's page, the bulk
actions on the list, and the free-seat hint. Every move goes through
services.application_decide, which holds the transition and capacity rules.
"""

import logging

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from applications.models import Application
from applications.seats import seats_left
from applications.services import ApplicationStateError
from applications.states import ApplicationState, can_transition
from mail.models import EmailStatus
from mail.services import can_retry, email_retry
from programs.models import Intake
from selection import rules, services, tasks
from selection.filters import IntakeFilter
from selection.selectors import ranked

logger = logging.getLogger(__name__)

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
        deciding = rules.can_decide(request.user)
        if deciding:
            decisions = [
                (key, label)
                for key, label in DECISION_LABELS.items()
                if can_transition(application.state, services.DECISIONS[key])
            ]
        # Decisions follow a review: until a reviewer is assigned, say so instead of nothing.
        waiting_for_reviewer = deciding and application.state == ApplicationState.SUBMITTED
        return {
            "decisions": decisions,
            "waiting_for_reviewer": waiting_for_reviewer,
            # Shown where they stay visible, whenever they were sent (now or by a worker).
            "failed_emails": list(application.email_logs.filter(status=EmailStatus.FAILED)),
            "can_retry_emails": can_retry(request.user),
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

    def retry_emails_view(self, request, object_id):
        return require_POST(self._retry_emails)(request, object_id)

    def _retry_emails(self, request, object_id):
        """Queue the failed emails about this application again, from the log."""
        application = self._get_visible_or_404(request, object_id)
        if not can_retry(request.user):
            raise PermissionDenied
        queued = email_retry(logs=application.email_logs.all(), by=request.user)
        if queued:
            messages.success(
                request,
                ngettext(
                    "%(count)d email queued to be sent again; its status shows how it went.",
                    "%(count)d emails queued to be sent again; their status shows how it went.",
                    queued,
                )
                % {"count": queued},
            )
        return HttpResponseRedirect(
            reverse("admin:applications_application_change", args=[application.pk])
        )

    def _decide_one(self, request, application, decision):
        """Apply one decision; on refusal say which application and why."""
        started = timezone.now()
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
        self._report_decision(request, application, decision, started)
        return True

    def _report_decision(self, request, application, decision, started):
        """The new state, and how the email to the applicant went when that is known yet:
        the worker sends it after the request, and the application's page shows a failure."""
        values = {
            "application": application,
            "state": ApplicationState(services.DECISIONS[decision]).label,
        }
        emails = list(application.email_logs.filter(created_at__gte=started))
        failed = [log for log in emails if log.status == EmailStatus.FAILED]
        if failed:
            messages.warning(
                request,
                gettext(
                    "%(application)s is now “%(state)s”, but the email to the applicant could "
                    "not be sent (%(error)s). Send it again from the application's page."
                )
                % {**values, "error": failed[0].error},
            )
        elif any(log.status == EmailStatus.SENT for log in emails):
            messages.success(
                request,
                gettext("%(application)s is now “%(state)s”; the applicant was emailed.") % values,
            )
        elif emails:
            messages.success(
                request,
                gettext("%(application)s is now “%(state)s”; the email to the applicant is queued.")
                % values,
            )
        else:
            messages.success(request, gettext("%(application)s is now “%(state)s”.") % values)

    def _decide_all(self, request, queryset, decision):
        if decision == "offer":
            # When seats run out, the best-scored applications have had theirs.
            queryset = ranked(queryset)
        application_ids = list(queryset.values_list("pk", flat=True))
        if len(application_ids) > settings.BULK_ACTION_THRESHOLD:
            self._decide_in_background(request, application_ids, decision)
            return
        moved = sum(self._decide_one(request, application, decision) for application in queryset)
        if not moved:
            messages.error(request, gettext("No application was changed."))

    def _decide_in_background(self, request, application_ids, decision):
        """Past the threshold the worker decides, so the request returns at once whatever
        the number; the manager is emailed the outcome (selection.tasks)."""
        if not rules.can_decide(request.user):
            raise PermissionDenied
        try:
            tasks.decide_applications.delay(application_ids, decision, request.user.pk)
        except Exception:  # any broker error: nothing is changed, and the manager is told
            logger.exception("A bulk decision could not be queued")
            messages.error(
                request,
                gettext(
                    "The task queue is not reachable, so no application was changed. Try "
                    "again in a moment, or select at most %(count)d applications at a time."
                )
                % {"count": settings.BULK_ACTION_THRESHOLD},
            )
            return
        messages.success(
            request,
            ngettext(
                "%(count)d application is being decided in the background; you will get an "
                "email when it is done.",
                "%(count)d applications are being decided in the background; you will get an "
                "email when it is done.",
                len(application_ids),
            )
            % {"count": len(application_ids)},
        )

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
