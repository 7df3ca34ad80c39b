from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    """Staff side of applications: roles, reviews, decisions, staff emails, reports."""

    name = "selection"
    verbose_name = _("Selection")

    def ready(self):
        from applications.signals import seat_released
        from selection.models import ExportJob
        from selection.notifications import email_managers_seat_released
        from selection.roles import ensure_staff_roles_after_migrate
        from selection.services import export_file_delete

        post_migrate.connect(ensure_staff_roles_after_migrate, sender=self)
        seat_released.connect(email_managers_seat_released)
        post_delete.connect(export_file_delete, sender=ExportJob)
