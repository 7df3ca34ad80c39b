from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    """The joint programs, their intakes (application rounds) and the PhD supervisors."""

    name = "programs"
    verbose_name = _("Programs")
