from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipConfig(AppConfig):
    """News, timeline, organisations, people, agreements, research fields and key figures."""

    name = "partnership"
    verbose_name = _("Partnership")
