from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project itself: site-wide pages and the import of the source document."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.page_cache import invalidate_on_content_changes

        invalidate_on_content_changes()
