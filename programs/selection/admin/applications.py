"""Staff admin of applications: the list and page with reviews, decisions, reviewer
assignment, exports and the intake dashboards.

The read-only ApplicationAdmin of programs.applications is extended here, so the student
side and the staff side each keep their own module.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.models import StudentProfile
from programs.applications import admin as base_admin
from programs.applications.models import Application
from programs.applications.services import ApplicationStateError
from programs.applications.states import ApplicationState, can_transition
from programs.models import Intake
from programs.selection import export, rules, services
from programs.selection.dashboard import intake_figures
from programs.selection.filters import (
    DegreeLevelFilter,
    HasOfferFilter,
    IntakeFilter,
    StateFilter,
    UniversityFilter,
)
from programs.selection.forms import AssignReviewerForm, ReviewForm
from programs.selection.models import (
    Review,
    ReviewAssignment,
)
from programs.selection.selectors import with_review_summary

DECISION_LABELS = {
    "shortlist": _("Shortlist"),
    "offer": _("Make an offer"),
    "waitlist": _("Put on the waitlist"),
    "reject": _("Reject"),
}
# The name is the page's title already.
PROFILE_FIELDS = [
    name for name in StudentProfile.STUDENT_FIELDS if name not in {"given_name", "family_name"}
]


def format_score(value):
    return "" if value is None else f"{value:.2f}"


class ReviewInline(admin.TabularInline):
    """Managers see every review; a reviewer sees only their own."""

    model = Review
    extra = 0
    can_delete = False
    fields = ["reviewer", "scores_display", "average_display", "comment", "updated_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("reviewer")
            .prefetch_related("scores__criterion")
        )
        if rules.can_see_all_applications(request.user):
            return queryset
        return queryset.filter(reviewer=request.user)

    @admin.display(description=_("scores"))
    def scores_display(self, review):
        return format_html_join(
            ", ", "{}: {}", ((score.criterion.name, score.score) for score in review.scores.all())
        )

    @admin.display(description=_("average"))
    def average_display(self, review):
        return format_score(review.average)


class AssignmentInline(base_admin.ReadOnlyInline):
    model = ReviewAssignment
    fields = ["reviewer", "assigned_by", "assigned_at"]
    readonly_fields = fields
    verbose_name_plural = _("assigned reviewers")


admin.site.unregister(Application)


@admin.register(Application)
class StaffApplicationAdmin(base_admin.ApplicationAdmin):
    list_display = [
        "reference",
        "applicant_name",
        "applicant_email",
        "program",
        "intake_name",
        "state",
        "submitted_at",
        "review_count",
        "average_score_display",
    ]
    list_filter = [
        StateFilter,
        "intake__program",
        IntakeFilter,
        UniversityFilter,
        DegreeLevelFilter,
        HasOfferFilter,
    ]
    list_select_related = ["applicant__profile", "intake__program"]
    search_fields = [
        "reference",
        "applicant__email",
        "applicant__first_name",
        "applicant__last_name",
        "applicant__profile__given_name",
        "applicant__profile__family_name",
        "applicant__profile__name_chinese",
        "applicant__profile__university",
    ]
    date_hierarchy = "submitted_at"
    # The public page of an application is the student's own; staff stay here.
    view_on_site = False
    inlines = [
        base_admin.DocumentInline,
        base_admin.SupervisorChoiceInline,
        ReviewInline,
        AssignmentInline,
        base_admin.StateChangeInline,
    ]
    readonly_fields = [
        "reference",
        "applicant",
        "intake",
        "state",
        "submitted_at",
        "profile_display",
        "statement",
        "answers_display",
        "created_at",
        "updated_at",
        "anonymised_at",
    ]
    fieldsets = [
        (None, {"fields": ["reference", "applicant", "intake", "state", "submitted_at"]}),
        (_("Profile"), {"fields": ["profile_display"]}),
        (_("Application"), {"fields": ["statement", "answers_display"]}),
        (_("Record"), {"fields": ["created_at", "updated_at", "anonymised_at"]}),
    ]
    fields = None
    actions = [
        "assign_reviewer",
        "shortlist",
        "make_offer",
        "waitlist",
        "reject",
        "export_csv",
        "export_xlsx",
    ]

    # --- who sees what -------------------------------------------------------------

    def get_queryset(self, request):
        queryset = rules.visible_applications(request.user, super().get_queryset(request))
        return with_review_summary(queryset)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return rules.can_view_application(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return rules.can_decide(request.user) and super().has_change_permission(request, obj)

    # --- list columns and detail fields ----------------------------------------------

    @admin.display(description=_("applicant"), ordering="applicant__profile__family_name")
    def applicant_name(self, application):
        applicant = application.applicant
        if applicant is None:
            return _("(deleted account)")
        profile = getattr(applicant, "profile", None)
        name = f"{profile.given_name} {profile.family_name}".strip() if profile else ""
        return name or applicant.get_full_name() or applicant.email

    @admin.display(description=_("email"), ordering="applicant__email")
    def applicant_email(self, application):
        return application.applicant.email if application.applicant else ""

    @admin.display(description=_("program"), ordering="intake__program__title")
    def program(self, application):
        return application.intake.program.title

    @admin.display(description=_("intake"), ordering="intake__name")
    def intake_name(self, application):
        return application.intake.name

    @admin.display(description=_("reviews"), ordering="review_count")
    def review_count(self, application):
        return application.review_count

    @admin.display(description=_("average score"), ordering="average_score")
    def average_score_display(self, application):
        return format_score(application.average_score)

    @admin.display(description=_("student profile"))
    def profile_display(self, application):
        profile = getattr(application.applicant, "profile", None)
        if profile is None:
            return _("No profile.")
        rows = []
        for name in PROFILE_FIELDS:
            field = profile._meta.get_field(name)
            display = getattr(profile, f"get_{name}_display", None)
            value = display() if display else getattr(profile, name)
            rows.append((capfirst(field.verbose_name), value or "—"))
        return format_html(
            '<dl class="selection-profile">{}</dl>',
            format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
        )

    @admin.display(description=_("answers to extra questions"))
    def answers_display(self, application):
        pairs = application.answered_questions()
        if not pairs:
            return _("No extra questions.")
        return format_html(
            '<dl class="selection-answers">{}</dl>',
            format_html_join(
                "", "<dt>{}</dt><dd>{}</dd>", ((q.label, answer) for q, answer in pairs)
            ),
        )

    # --- pages -------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/decide/",
                view(self.decide_view),
                name="programs_application_decide",
            ),
            path(
                "<path:object_id>/review/",
                view(self.review_view),
                name="programs_application_review",
            ),
            path(
                "intakes/",
                view(self.dashboard_index_view),
                name="programs_intake_dashboards",
            ),
            path(
                "intakes/<int:intake_id>/dashboard/",
                view(self.dashboard_view),
                name="programs_intake_dashboard",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {**(extra_context or {}), **self.free_seats_context(request)}
        )

    def free_seats_context(self, request):
        """With one intake in view, point out seats freed by declines or lapsed offers."""
        intake_id = request.GET.get(IntakeFilter.parameter_name, "")
        if not (intake_id.isdigit() and rules.can_see_all_applications(request.user)):
            return {}
        intake = Intake.objects.filter(pk=intake_id).first()
        if intake is None:
            return {}
        waiting = Application.objects.filter(intake=intake, state=ApplicationState.WAITLISTED)
        free = services.seats_left(intake)
        if not (free and waiting.exists()):
            return {}
        return {"free_seats": free, "free_seats_intake": intake}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            # Nothing on this page is edited by a form: decisions are buttons.
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        if application is not None:
            extra_context.update(self.decision_context(request, application))
        return super().change_view(request, object_id, form_url, extra_context)

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
            "seats_left": services.seats_left(application.intake),
            "can_review": rules.can_review(request.user, application)
            and application.state in services.REVIEWABLE_STATES,
        }

    def _get_visible_or_404(self, request, object_id):
        application = self.get_object(request, unquote(object_id))
        if application is None or not self.has_view_permission(request, application):
            raise Http404
        return application

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
            next_url = reverse("admin:programs_application_change", args=[application.pk])
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

    def review_view(self, request, object_id):
        application = self._get_visible_or_404(request, object_id)
        if not rules.can_review(request.user, application):
            raise PermissionDenied
        review = application.reviews.filter(reviewer=request.user).first()
        criteria = application.intake.review_criteria.all()
        initial = {}
        if review is not None:
            initial["comment"] = review.comment
            for score in review.scores.all():
                initial[f"criterion_{score.criterion_id}"] = score.score
        form = ReviewForm(request.POST or None, criteria=criteria, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.review_save(
                    application=application,
                    reviewer=request.user,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, gettext("Your review of %s is saved.") % application)
                return redirect("admin:programs_application_change", application.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Review %s") % application,
            "application": application,
            "form": form,
            "has_criteria": bool(form.criteria),
        }
        return TemplateResponse(
            request, "selection/admin/review_form.html", context, status=400 if form.errors else 200
        )

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
            "decide_url_name": "admin:programs_application_decide",
        }
        return TemplateResponse(request, "selection/admin/intake_dashboard.html", context)

    # --- actions -----------------------------------------------------------------------

    def _decide_all(self, request, queryset, decision):
        if decision == "offer":
            # When seats run out, the best-scored applications have had theirs.
            queryset = queryset.order_by(
                F("average_score").desc(nulls_last=True), "submitted_at", "pk"
            )
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

    @admin.action(
        description=_("Assign a reviewer to selected applications"), permissions=["change"]
    )
    def assign_reviewer(self, request, queryset):
        form = AssignReviewerForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reviewer = form.cleaned_data["reviewer"]
            try:
                assigned, refused = services.review_assign(
                    applications=list(queryset), reviewer=reviewer, by=request.user
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return None
            for application, reason in refused:
                messages.warning(
                    request,
                    gettext("%(application)s was not assigned: %(reason)s")
                    % {"application": application, "reason": reason},
                )
            if assigned:
                messages.success(
                    request,
                    gettext("%(reviewer)s now reviews %(count)d application(s).")
                    % {"reviewer": reviewer, "count": len(assigned)},
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Assign a reviewer"),
            "form": form,
            "applications": queryset,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action": "assign_reviewer",
        }
        return TemplateResponse(request, "selection/admin/assign_reviewer.html", context)

    @admin.action(description=_("Export selected applications as CSV"), permissions=["change"])
    def export_csv(self, request, queryset):
        return export.csv_response(queryset)

    @admin.action(description=_("Export selected applications as Excel"), permissions=["change"])
    def export_xlsx(self, request, queryset):
        return export.xlsx_response(queryset)
