from django.contrib import admin, messages
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mail.models import EmailLog
from mail.services import email_retry


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "to",
        "subject",
        "about_link",
        "status",
        "attempts",
        "next_attempt_at",
        "error",
    ]
    list_filter = ["status"]
    list_select_related = ["about_type"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    fields = [
        "about_link",
        "to",
        "subject",
        "text",
        "attachment_names",
        "status",
        "error",
        "attempts",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["retry"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("about")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("about"))
    def about_link(self, log):
        """What the email concerns, linked to its admin page when it has one."""
        about = log.about
        if about is None:
            return "—"
        opts = about._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[about.pk])
        except NoReverseMatch:
            return str(about)
        return format_html('<a href="{}">{}</a>', url, about)

    @admin.display(description=_("body"))
    def text(self, log):
        if log.confidential:
            return gettext("Not shown: it holds a link that signs in or resets a password.")
        return log.body

    @admin.display(description=_("attachments"))
    def attachment_names(self, log):
        return ", ".join(attachment["filename"] for attachment in log.attachments) or "—"

    @admin.action(description=_("Retry sending"), permissions=["change"])
    def retry(self, request, queryset):
        queued = email_retry(logs=queryset, by=request.user)
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
        else:
            messages.info(request, gettext("None of the selected emails had failed."))
