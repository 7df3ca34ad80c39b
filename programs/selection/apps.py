from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    """Staff side of applications: roles, reviews, decisions, notifications, reports."""

    name = "programs.selection"
    label = "selection"
    verbose_name = _("Selection")
