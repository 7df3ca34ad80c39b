"""Excel exports the worker builds: their progress, and the download once ready."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from selection import rules
from selection.export import export_filename
from selection.models import ExportJob, ExportStatus


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = ["created_at", "created_by", "status", "progress", "download", "error"]
    list_filter = ["status"]
    list_select_related = ["created_by"]
    fields = ["created_by", "created_at", "status", "progress", "download", "error", "finished_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        # The list of ids can be long; only the worker needs it.
        return super().get_queryset(request).defer("application_ids")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("progress"))
    def progress(self, job):
        return gettext("%(done)d of %(total)d applications") % {
            "done": job.done,
            "total": job.total,
        }

    @admin.display(description=_("file"))
    def download(self, job):
        if job.status != ExportStatus.DONE:
            return "—"
        url = reverse("admin:selection_exportjob_download", args=[job.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download"))

    def get_urls(self):
        download = path(
            "<int:job_id>/download/",
            self.admin_site.admin_view(self.download_view),
            name="selection_exportjob_download",
        )
        return [download, *super().get_urls()]

    def download_view(self, request, job_id):
        """The file, for staff who may export applications (managers); 403 for others."""
        if not rules.can_decide(request.user):
            raise PermissionDenied
        job = get_object_or_404(ExportJob, pk=job_id, status=ExportStatus.DONE)
        return FileResponse(
            job.file.open("rb"), as_attachment=True, filename=export_filename("xlsx")
        )
