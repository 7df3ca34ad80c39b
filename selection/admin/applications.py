"""Staff admin of applications: who sees what, the list, the page, documents and exports.

The one ModelAdmin of Application; states change only through the services. Decisions,
reviews, mailing and dashboards are mixins in their own modules of this package.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import StudentProfile
from applications.documents import document_response, letter_response
from applications.models import Application, ApplicationDocument, RecommendationLetter
from selection import export, rules, selectors, services
from selection.admin.dashboards import DashboardAdminMixin
from selection.admin.decisions import DecisionAdminMixin
from selection.admin.inlines import (
    DocumentInline,
    EmailLogInline,
    InterviewInline,
    RefereeInline,
    StateChangeInline,
    SupervisorChoiceInline,
)
from selection.admin.interviews import InterviewAdminMixin
from selection.admin.mailing import MailingAdminMixin
from selection.admin.pagination import KeysFirstChangeList, KeysFirstPaginator
from selection.admin.reviews import (
    AssignmentInline,
    ReviewAdminMixin,
    ReviewInline,
    format_score,
)
from selection.filters import (
    DegreeLevelFilter,
    HasOfferFilter,
    IntakeFilter,
    StateFilter,
    UniversityFilter,
)
from selection.models import ExportStatus


class UnscoredLast(F):
    """A column's ordering that puts rows without a value last, sorted either way: the admin
    orders by asc() or desc(), and PostgreSQL puts NULL first in a descending order, so
    sorting by "highest average score" showed every unreviewed application first."""

    def asc(self, **kwargs):
        return super().asc(nulls_last=True)

    def desc(self, **kwargs):
        return super().desc(nulls_last=True)


# The name is the page's title already.
PROFILE_FIELDS = [
    name for name in StudentProfile.STUDENT_FIELDS if name not in {"given_name", "family_name"}
]


@admin.register(Application)
class ApplicationAdmin(
    DecisionAdminMixin,
    ReviewAdminMixin,
    InterviewAdminMixin,
    MailingAdminMixin,
    DashboardAdminMixin,
    admin.ModelAdmin,
):
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
        # Today, the past 7 days, this month, this year: the date_hierarchy's use without its
        # two queries over every listed row (0.2 s each at 100,000 searched applications).
        ("submitted_at", admin.DateFieldListFilter),
        "intake__program",
        IntakeFilter,
        UniversityFilter,
        DegreeLevelFilter,
        HasOfferFilter,
    ]
    list_select_related = ["applicant__profile", "intake__program"]
    # The search box and its help; get_search_results asks selectors.matching.
    search_fields = ["reference", "applicant__email"]
    search_help_text = _(
        "Every word is looked for in the reference, the applicant's email and names, and the "
        "university; put a phrase in quotes."
    )
    # "12 results" without also counting every application (a second COUNT per page).
    show_full_result_count = False
    # Rows read keys first: deep pages and narrow searches as fast as the first page.
    paginator = KeysFirstPaginator
    # The public page of an application is the student's own; staff stay here.
    view_on_site = False
    inlines = [
        DocumentInline,
        RefereeInline,
        SupervisorChoiceInline,
        InterviewInline,
        ReviewInline,
        AssignmentInline,
        StateChangeInline,
        EmailLogInline,
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
        "draft_reminded_at",
        "offer_reminded_at",
    ]
    fieldsets = [
        (None, {"fields": ["reference", "applicant", "intake", "state", "submitted_at"]}),
        (_("Profile"), {"fields": ["profile_display"]}),
        (_("Application"), {"fields": ["statement", "answers_display"]}),
        (
            _("Record"),
            {
                "fields": [
                    "created_at",
                    "updated_at",
                    "anonymised_at",
                    "draft_reminded_at",
                    "offer_reminded_at",
                ]
            },
        ),
    ]
    actions = [
        "assign_reviewer",
        "shortlist",
        "make_offer",
        "waitlist",
        "reject",
        "invite_to_interview",
        "email_applicants",
        "export_csv",
        "export_xlsx",
    ]

    # --- who sees what -------------------------------------------------------------

    def get_queryset(self, request):
        return rules.visible_applications(request.user, super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return rules.can_view_application(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return rules.can_decide(request.user) and super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Records are kept; students delete their own data from their account page.
        return False

    def get_search_results(self, request, queryset, search_term):
        """selectors.matching, whose one subquery per word an index answers; it joins
        nothing, so each application appears once."""
        return selectors.matching(queryset, search_term), False

    def get_changelist(self, request, **kwargs):
        return KeysFirstChangeList

    # --- list columns and detail fields ----------------------------------------------

    @admin.display(description=_("applicant"), ordering="applicant__profile__family_name")
    def applicant_name(self, application):
        if application.applicant is None:
            return _("(deleted account)")
        return application.applicant.display_name

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

    @admin.display(description=_("average score"), ordering=UnscoredLast("average_score"))
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
                name="applications_application_decide",
            ),
            path(
                "<path:object_id>/retry-emails/",
                view(self.retry_emails_view),
                name="applications_application_retry_emails",
            ),
            path(
                "<path:object_id>/documents/<uuid:document_id>/",
                view(self.document_view),
                name="applications_application_document",
            ),
            path(
                "<path:object_id>/letters/<int:referee_id>/",
                view(self.letter_view),
                name="applications_application_letter",
            ),
            path(
                "<path:object_id>/review/",
                view(self.review_view),
                name="applications_application_review",
            ),
            path(
                "interviews/",
                view(self.interview_schedule_view),
                name="selection_interview_schedule",
            ),
            path(
                "interviews/<int:interview_id>/assessment/",
                view(self.interview_assessment_view),
                name="selection_interview_assessment",
            ),
            path(
                "intakes/<int:intake_id>/interviews/",
                view(self.intake_interviews_view),
                name="selection_intake_interviews",
            ),
            path(
                "intakes/",
                view(self.dashboard_index_view),
                name="selection_intake_dashboards",
            ),
            path(
                "intakes/<int:intake_id>/dashboard/",
                view(self.dashboard_view),
                name="selection_intake_dashboard",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {**(extra_context or {}), **self.free_seats_context(request)}
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            # Nothing on this page is edited by a form: decisions are buttons.
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """The decision buttons, from the application Django has fetched and checked."""
        if obj is not None:
            context.update(self.decision_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _get_visible_or_404(self, request, object_id):
        application = self.get_object(request, unquote(object_id))
        if application is None or not self.has_view_permission(request, application):
            raise Http404
        return application

    def document_view(self, request, object_id, document_id):
        """A document of an application this staff member may see (a manager, or a reviewer
        assigned to it; 403 for other staff); students download theirs from their pages."""
        document = get_object_or_404(
            ApplicationDocument.objects.select_related("application"),
            pk=document_id,
            application_id=unquote(object_id),
        )
        if not rules.can_view_application(request.user, document.application):
            raise PermissionDenied
        return document_response(document)

    def letter_view(self, request, object_id, referee_id):
        """A referee's letter, on the same terms as the application's documents."""
        letter = get_object_or_404(
            RecommendationLetter.objects.select_related("referee__application"),
            referee_id=referee_id,
            referee__application_id=unquote(object_id),
        )
        if not rules.can_view_application(request.user, letter.referee.application):
            raise PermissionDenied
        return letter_response(letter)

    # --- exports ---------------------------------------------------------------------

    @admin.action(description=_("Export selected applications as CSV"), permissions=["change"])
    def export_csv(self, request, queryset):
        return export.csv_response(queryset)

    @admin.action(description=_("Export selected applications as Excel"), permissions=["change"])
    def export_xlsx(self, request, queryset):
        """Built by the worker, however many: the exports page shows its progress."""
        job = services.export_job_start(queryset=queryset, by=request.user)
        exports = reverse("admin:selection_exportjob_changelist")
        if job.status == ExportStatus.FAILED:
            messages.error(
                request,
                gettext("The export could not be started: %(error)s") % {"error": job.error},
            )
            return
        messages.success(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                ngettext(
                    "The Excel export of %(count)d application is being built.",
                    "The Excel export of %(count)d applications is being built.",
                    job.total,
                )
                % {"count": job.total},
                exports,
                gettext("Download it from the exports page when it is ready."),
            ),
        )
