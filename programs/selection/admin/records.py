"""Staff admin of the selection records: review criteria, assignments, reviews, decision
emails and their log."""

from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from programs.selection import rules, services
from programs.selection.filters import IntakeFilter
from programs.selection.models import (
    EmailLog,
    EmailStatus,
    EmailTemplate,
    Review,
    ReviewAssignment,
    ReviewCriterion,
)


@admin.register(ReviewCriterion)
class ReviewCriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "intake", "position", "description"]
    list_editable = ["position"]
    list_filter = [IntakeFilter]
    list_select_related = ["intake__program"]
    search_fields = ["name", "intake__name", "intake__program__title"]
    raw_id_fields = ["intake"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    """Managers see and remove assignments; they add them with the application action."""

    list_display = ["application", "reviewer", "assigned_by", "assigned_at"]
    list_filter = [("reviewer", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["application", "reviewer", "assigned_by"]
    search_fields = ["application__reference", "reviewer__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """Reviews are written on the application page; here they are listed."""

    list_display = ["application", "reviewer", "updated_at"]
    list_select_related = ["application", "reviewer"]
    search_fields = ["application__reference", "reviewer__email"]
    fields = ["application", "reviewer", "comment", "created_at", "updated_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if rules.can_see_all_applications(request.user):
            return queryset
        return queryset.filter(reviewer=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(EmailTemplate)
class EmailTemplateAdmin(admin.ModelAdmin):
    """One template per decision and language; the applicant's language picks it."""

    list_display = ["state", "language", "subject", "updated_at"]
    list_filter = ["language", "state"]
    fields = ["state", "language", "subject", "body"]
    readonly_fields = ["state", "language"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "status", "attempts", "error"]
    list_filter = ["status"]
    list_select_related = ["application"]
    search_fields = ["to", "subject", "application__reference"]
    date_hierarchy = "created_at"
    fields = [
        "application",
        "to",
        "subject",
        "body",
        "status",
        "error",
        "attempts",
        "created_at",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send failed emails again"), permissions=["change"])
    def retry(self, request, queryset):
        failed = queryset.filter(status=EmailStatus.FAILED)
        results = [services.email_retry(log=log, by=request.user) for log in failed]
        sent = sum(log.status == EmailStatus.SENT for log in results)
        still_failing = len(results) - sent
        if sent:
            messages.success(request, gettext("%d email(s) sent.") % sent)
        if still_failing:
            messages.error(
                request,
                gettext("%d email(s) failed again; see the error column.") % still_failing,
            )
        if not results:
            messages.info(request, gettext("None of the selected emails had failed."))
