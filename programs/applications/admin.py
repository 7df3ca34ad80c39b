"""Read-mostly admin for applications; states change only through the services."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from programs.applications.models import (
    Application,
    ApplicationDocument,
    ApplicationStateChange,
    SupervisorChoice,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StateChangeInline(ReadOnlyInline):
    model = ApplicationStateChange
    fields = ["at", "from_state", "to_state", "by", "note"]
    readonly_fields = fields
    verbose_name_plural = _("history")


class DocumentInline(ReadOnlyInline):
    model = ApplicationDocument
    fields = ["kind", "download", "size", "uploaded_at"]
    readonly_fields = fields

    @admin.display(description=_("file"))
    def download(self, document):
        return format_html(
            '<a href="{}">{}</a>', document.get_absolute_url(), document.original_name
        )


class SupervisorChoiceInline(ReadOnlyInline):
    model = SupervisorChoice
    fields = ["rank", "supervisor"]
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["reference", "applicant", "intake", "state", "submitted_at"]
    list_filter = ["state", "intake__program", "intake"]
    list_select_related = ["applicant", "intake__program"]
    search_fields = ["reference", "applicant__email", "applicant__last_name"]
    date_hierarchy = "submitted_at"
    inlines = [DocumentInline, SupervisorChoiceInline, StateChangeInline]
    readonly_fields = [
        "reference",
        "applicant",
        "intake",
        "state",
        "statement",
        "answers",
        "created_at",
        "updated_at",
        "submitted_at",
        "anonymised_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Records are kept; students delete their own data from the privacy page.
        return False
