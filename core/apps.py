from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app builds on: the language-of-parts rule, images, visitors' time zones."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import content_language  # noqa: F401  (registers its system check)
