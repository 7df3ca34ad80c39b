"""Read-only parts of the staff application page: documents, choices, history, emails."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from applications.models import (
    ApplicationDocument,
    ApplicationStateChange,
    Interview,
    Referee,
    SupervisorChoice,
)
from mail.models import EmailLog


class ReadOnlyMixin:
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    pass


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
        url = reverse(
            "admin:applications_application_document", args=[document.application_id, document.pk]
        )
        return format_html('<a href="{}">{}</a>', url, document.original_name)


class RefereeInline(ReadOnlyInline):
    """Which letters are in; a received one opens from here for whoever sees the page."""

    model = Referee
    fields = ["name", "institution", "relationship", "email", "status_display", "letter_link"]
    readonly_fields = fields
    verbose_name_plural = _("referees and letters")

    @admin.display(description=_("status"))
    def status_display(self, referee):
        return referee.status.label

    @admin.display(description=_("letter"))
    def letter_link(self, referee):
        if not referee.has_answered:
            return "—"
        url = reverse(
            "admin:applications_application_letter", args=[referee.application_id, referee.pk]
        )
        return format_html('<a href="{}">{}</a>', url, _("Read the letter"))


class InterviewInline(ReadOnlyInline):
    """The interview's time and the interviewer's assessment, read with the reviews."""

    model = Interview
    fields = ["invited_at", "slot", "interviewer", "score", "notes"]
    readonly_fields = fields
    verbose_name_plural = _("interview")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("slot__interviewer", "assessment")

    @admin.display(description=_("interviewer"))
    def interviewer(self, interview):
        return interview.slot.interviewer if interview.slot else _("not booked yet")

    @admin.display(description=_("score"))
    def score(self, interview):
        assessment = getattr(interview, "assessment", None)
        return assessment.score if assessment else "—"

    @admin.display(description=_("notes"))
    def notes(self, interview):
        assessment = getattr(interview, "assessment", None)
        return assessment.notes if assessment else ""


class SupervisorChoiceInline(ReadOnlyInline):
    model = SupervisorChoice
    fields = ["rank", "supervisor"]
    readonly_fields = fields


class EmailLogInline(ReadOnlyMixin, GenericTabularInline):
    """The emails sent about this application; failed ones are sent again from the log."""

    model = EmailLog
    ct_field = "about_type"
    ct_fk_field = "about_id"
    fields = ["created_at", "subject", "status", "error"]
    readonly_fields = fields
    verbose_name_plural = _("emails")
