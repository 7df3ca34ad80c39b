from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """Students' applications: drafts, documents, submission, states and their emails."""

    name = "applications"
    verbose_name = _("Applications")

    def ready(self):
        from accounts import personal_data
        from applications.default_emails import ensure_default_decision_emails_after_migrate
        from applications.personal_data import (
            erase_applications,
            export_applications,
            places_given_up,
        )

        personal_data.register(
            "applications",
            export=export_applications,
            erase=erase_applications,
            consequences=places_given_up,
        )
        post_migrate.connect(ensure_default_decision_emails_after_migrate, sender=self)
