"""One searched text per account for the staff search of applications (selection.selectors.
matching), filled from the accounts and profiles there are, with a trigram index on PostgreSQL."""

from django.db import migrations, models

from accounts.models import search_text_refresh
from core.migration_operations import trigram_indexes


def fill(apps, schema_editor):
    search_text_refresh(apps.get_model("accounts", "User").objects.all())


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_index_profile_university"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="search_text",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="searched text"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        trigram_indexes("accounts_user", ["search_text"]),
    ]
