from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Partnership")

    def ready(self):
        from portal import content_language  # noqa: F401  (registers its system check)
