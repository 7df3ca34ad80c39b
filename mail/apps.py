from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """Every email the portal sends, logged, with the failed ones sent again from the log."""

    name = "mail"
    verbose_name = _("Emails")
