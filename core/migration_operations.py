"""Operations for migrations: moving models from one app to another, and search indexes.

Moving a model keeps its rows (the table is renamed, not copied); these keep what points at
the model by content type (permissions, the groups that hold them, admin history) pointing
at it under its new app label.
"""

from django.db import migrations


def _move_content_types(apps, old_label, new_label, model_names):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in model_names:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue  # a database whose content types were never created
        # One made under the new label in between (create_permissions during migrate) has
        # nothing assigned yet; the old one carries the groups' permissions, so it stays.
        ContentType.objects.filter(app_label=new_label, model=model).delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def move_content_types(old_label, new_label, model_names):
    """A reversible RunPython giving the content types of `model_names` their new app label."""

    def forwards(apps, schema_editor):
        _move_content_types(apps, old_label, new_label, model_names)

    def backwards(apps, schema_editor):
        _move_content_types(apps, new_label, old_label, model_names)

    return migrations.RunPython(forwards, backwards)


def trigram_indexes(table, columns):
    """A reversible operation giving each column a trigram index on PostgreSQL (pg_trgm),
    for `icontains` searches: it matches the expression Django writes for them,
    UPPER("column"::text) LIKE UPPER('%word%'). Other databases have no such index and
    scan, which is fine at their sizes: the operation does nothing there."""

    def name(column):
        return f"{table}_{column}_trgm"[:63]

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name(column)}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name(column)}"')

    return migrations.RunPython(forwards, backwards, elidable=False)
