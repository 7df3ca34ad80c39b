"""Applications moved to the `applications` app (state only: its 0002 renames the tables)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0007_organisations_from_partnership"),
        ("applications", "0001_move_from_programs"),
        ("selection", "0006_applications_and_mail_moved"),
        ("mail", "0001_move_from_selection"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SupervisorChoice"),
                migrations.DeleteModel(name="ApplicationStateChange"),
                migrations.DeleteModel(name="ApplicationDocument"),
                migrations.DeleteModel(name="Application"),
            ],
        ),
    ]
