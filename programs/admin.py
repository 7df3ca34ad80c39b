"""Admin of programs, intakes, research areas and supervisors.

Program and Intake are registered by selection/admin/intakes.py, from the classes here plus
what only the staff side knows (seats held by offers, review criteria): programs sits below
the apps that know those, so the complete admins can only be put together above it.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from programs.models import (
    Intake,
    IntakeQuestion,
    IntakeStatus,
    ResearchArea,
    Supervisor,
)


class IntakeInline(TranslationTabularInline):
    model = Intake
    extra = 0
    fields = ["name", "opens_at", "closes_at", "starts_on", "ends_on", "capacity"]
    show_change_link = True


class ProgramAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "is_published", "updated_at"]
    list_filter = ["kind", "is_published", "host_organisations", "partner_organisations"]
    # Each language's column (django-modeltranslation shows both side by side in the form).
    search_fields = [
        f"{field}_{language}"
        for field in ("title", "summary", "description")
        for language in ("en", "zh_hans")
    ]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["host_organisations", "partner_organisations"]
    inlines = [IntakeInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "title",
                    "slug",
                    "summary",
                    "description",
                    "eligibility",
                    "location",
                ]
            },
        ),
        (
            _("Organisations"),
            {"fields": ["host_organisations", "partner_organisations"]},
        ),
        (
            _("Other details"),
            {"fields": ["study_weeks", "internship_weeks", "cover_image", "is_published"]},
        ),
    ]


class IntakeStatusFilter(admin.SimpleListFilter):
    """Filters through IntakeQuerySet, the one place that knows the status rule."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (IntakeStatus.UPCOMING, IntakeStatus.UPCOMING.label),
            (IntakeStatus.OPEN, _("Open (including closing soon)")),
            (IntakeStatus.CLOSING_SOON, IntakeStatus.CLOSING_SOON.label),
            (IntakeStatus.CLOSED, IntakeStatus.CLOSED.label),
        ]

    def queryset(self, request, queryset):
        by_status = {
            IntakeStatus.UPCOMING: queryset.upcoming,
            IntakeStatus.OPEN: queryset.open,
            IntakeStatus.CLOSING_SOON: queryset.closing_soon,
            IntakeStatus.CLOSED: queryset.closed,
        }
        if self.value() in by_status:
            return by_status[self.value()]()
        return queryset


class IntakeQuestionInline(admin.StackedInline):
    model = IntakeQuestion
    extra = 0
    fields = [("label", "kind", "required", "position"), "help_text", "choices"]


class IntakeAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "program", "opens_at", "closes_at", "capacity", "status_display"]
    list_filter = ["program", IntakeStatusFilter]
    list_select_related = ["program"]
    search_fields = ["name", "program__title"]
    date_hierarchy = "closes_at"
    autocomplete_fields = ["program"]
    inlines = [IntakeQuestionInline]
    fieldsets = [
        (None, {"fields": ["program", "name", "capacity"]}),
        (_("Applications"), {"fields": ["opens_at", "closes_at", "offer_reply_days"]}),
        (_("Program dates"), {"fields": ["starts_on", "ends_on"]}),
        (
            _("Required documents"),
            {
                "fields": [
                    "requires_cv",
                    "requires_transcript",
                    "requires_photo",
                    "requires_statement",
                ]
            },
        ),
        (
            _("Referees and interviews"),
            {
                "fields": [
                    "referees_required",
                    "letters_due_at",
                    "submit_before_letters",
                    "interview_change_cutoff_hours",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_status()

    @admin.display(description=_("status"), ordering="current_status")
    def status_display(self, intake):
        return IntakeStatus(intake.current_status).label


@admin.register(ResearchArea)
class ResearchAreaAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Supervisor)
class SupervisorAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "title", "unit", "yearly_quota", "is_active", "is_example"]
    list_filter = ["is_active", "is_example", "unit", "research_areas"]
    search_fields = ["name", "title", "profile"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["research_areas"]
    list_select_related = ["unit"]
