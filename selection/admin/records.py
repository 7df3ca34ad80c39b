"""Staff admin of the selection records: review criteria, assignments, reviews and the
decision emails managers edit."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from applications.models import EmailTemplate, InterviewSlot
from selection import rules
from selection.filters import IntakeFilter
from selection.interviews import interviewers
from selection.models import Review, ReviewAssignment, ReviewCriterion


@admin.register(ReviewCriterion)
class ReviewCriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "intake", "position", "description"]
    list_editable = ["position"]
    list_filter = [IntakeFilter]
    list_select_related = ["intake__program"]
    search_fields = ["name", "intake__name", "intake__program__title"]
    autocomplete_fields = ["intake"]


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
class EmailTemplateAdmin(SimpleHistoryAdmin):
    """One template per decision and language; the applicant's language picks it."""

    list_display = ["state", "language", "subject", "updated_at"]
    list_filter = ["language", "state"]
    fields = ["state", "language", "subject", "body"]
    readonly_fields = ["state", "language"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InterviewSlot)
class InterviewSlotAdmin(admin.ModelAdmin):
    """Managers correct or delete slots here; they publish them in bulk on an intake's
    interview page. A booked slot cannot be deleted (Interview.slot protects it)."""

    list_display = ["starts_at", "length_minutes", "intake", "interviewer", "room", "booked"]
    list_filter = [IntakeFilter, ("interviewer", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["intake__program", "interviewer", "interview"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["intake"]
    fields = ["intake", "starts_at", "length_minutes", "room", "online_url", "interviewer"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("booked"), boolean=True)
    def booked(self, slot):
        return hasattr(slot, "interview")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "interviewer":
            kwargs["queryset"] = interviewers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
