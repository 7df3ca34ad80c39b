"""A migration step for models whose texts got a column per language (django-modeltranslation).

The texts written before sit in the original column; this copies each into the column of the
language they were written in (settings.CONTENT_LANGUAGE), where pages now read them.
"""

from django.conf import settings
from django.db import migrations
from django.db.models import F


def copy_into_language_columns(model_fields):
    """A RunPython filling `<field>_<language>` from `<field>` for {model name: fields}."""
    suffix = settings.CONTENT_LANGUAGE.replace("-", "_")

    def forwards(apps, schema_editor):
        for model_name, fields in model_fields.items():
            model = apps.get_model(model_name)
            model.objects.update(**{f"{field}_{suffix}": F(field) for field in fields})

    return migrations.RunPython(forwards, migrations.RunPython.noop)
