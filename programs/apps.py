from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs")

    def ready(self):
        # The applications admin lives beside its models, in programs/applications/.
        from programs.applications import admin  # noqa: F401
