"""A trigram index for the staff search of applications (selection.selectors.matching)."""

from django.db import migrations

from core.migration_operations import trigram_indexes


class Migration(migrations.Migration):

    dependencies = [
        ("applications", "0007_application_review_summary"),
    ]

    operations = [
        trigram_indexes("applications_application", ["reference"]),
    ]
