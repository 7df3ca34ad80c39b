"""Trigram indexes for the staff search of applications (selection.selectors.matching)."""

from django.db import migrations

from core.migration_operations import trigram_indexes


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_index_profile_university"),
    ]

    operations = [
        trigram_indexes("accounts_user", ["email", "first_name", "last_name"]),
        trigram_indexes(
            "accounts_studentprofile", ["given_name", "family_name", "name_chinese", "university"]
        ),
    ]
