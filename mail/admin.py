from django.contrib import admin, messages
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mail.models import EmailLog, EmailStatus
from mail.services import email_retry


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "about_link", "status", "attempts", "error"]
    list_filter = ["status"]
    list_select_related = ["about_type"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    fields = [
        "about_link",
        "to",
        "subject",
        "body",
        "attachment_names",
        "status",
        "error",
        "attempts",
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

    @admin.display(description=_("attachments"))
    def attachment_names(self, log):
        return ", ".join(attachment["filename"] for attachment in log.attachments) or "—"

    @admin.action(description=_("Send failed emails again"), permissions=["change"])
    def retry(self, request, queryset):
        failed = queryset.filter(status=EmailStatus.FAILED)
        results = [email_retry(log=log, by=request.user) for log in failed]
        sent = sum(log.status == EmailStatus.SENT for log in results)
        still_failing = len(results) - sent
        if sent:
            messages.success(
                request,
                ngettext("%(count)d email sent.", "%(count)d emails sent.", sent) % {"count": sent},
            )
        if still_failing:
            messages.error(
                request,
                ngettext(
                    "%(count)d email failed again; see the error column.",
                    "%(count)d emails failed again; see the error column.",
                    still_failing,
                )
                % {"count": still_failing},
            )
        if not results:
            messages.info(request, gettext("None of the selected emails had failed."))
