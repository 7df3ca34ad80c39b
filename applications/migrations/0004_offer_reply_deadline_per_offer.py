from datetime import timedelta

from django.db import migrations, models

# The reply period of programs 0010, for offers whose intake named no deadline.
DEFAULT_REPLY_DAYS = 14


def copy_intake_deadlines(apps, schema_editor):
    """Give every offer made so far its own deadline: the intake's deadline it was made under,
    else the default period from the day it was made."""
    Application = apps.get_model("applications", "Application")
    StateChange = apps.get_model("applications", "ApplicationStateChange")
    offers = Application.objects.filter(
        state__in=["offered", "accepted", "declined"]
    ).select_related("intake")
    for application in offers:
        deadline = application.intake.offer_deadline
        if deadline is None:
            offered = (
                StateChange.objects.filter(application=application, to_state="offered")
                .order_by("-at")
                .first()
            )
            offered_at = offered.at if offered else application.updated_at
            deadline = offered_at + timedelta(days=DEFAULT_REPLY_DAYS)
        application.offer_reply_deadline = deadline
        application.save(update_fields=["offer_reply_deadline"])


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_add_history"),
        ("programs", "0010_intake_offer_reply_days"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="offer_reply_deadline",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="offer reply deadline"
            ),
        ),
        migrations.RunPython(copy_intake_deadlines, migrations.RunPython.noop),
    ]
