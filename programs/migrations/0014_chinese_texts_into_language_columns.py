"""Programs' texts into their language columns; the Chinese `<field>_zh` ones into `_zh_hans`."""

from django.db import migrations
from django.db.models import F

from core.translated_fields import copy_into_language_columns

PROGRAM_FIELDS = ["title", "summary", "description", "eligibility", "location"]


def chinese_into_zh_hans(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Program.objects.update(**{f"{field}_zh_hans": F(f"{field}_zh") for field in PROGRAM_FIELDS})
    # An empty Chinese text is a missing one: NULL, so the English shows instead.
    for field in PROGRAM_FIELDS:
        Program.objects.filter(**{f"{field}_zh": ""}).update(**{f"{field}_zh_hans": None})


def zh_hans_back_into_chinese(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    for field in PROGRAM_FIELDS:
        Program.objects.exclude(**{f"{field}_zh_hans": None}).update(
            **{f"{field}_zh": F(f"{field}_zh_hans")}
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0013_add_translated_fields")]

    operations = [
        copy_into_language_columns(
            {
                "programs.Program": PROGRAM_FIELDS,
                "programs.Intake": ["name"],
                "programs.Supervisor": ["name", "title", "profile"],
                "programs.ResearchArea": ["name"],
            }
        ),
        migrations.RunPython(chinese_into_zh_hans, zh_hans_back_into_chinese),
    ]
