"""The email log's table gets this app's name; its content type follows the model."""

from django.db import migrations

from core.migration_operations import move_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0001_move_from_selection"),
        ("selection", "0006_applications_and_mail_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="emaillog", table=None),
        move_content_types("selection", "mail", ["emaillog"]),
    ]
