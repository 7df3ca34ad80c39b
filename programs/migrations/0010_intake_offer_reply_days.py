import django.core.validators
from django.db import migrations, models

HELP = (
    "Each offer must be accepted or declined within this many days of being made; its deadline "
    "is fixed when it is made, so changing this affects later offers only."
)


def reply_days_field():
    return models.PositiveSmallIntegerField(
        default=14,
        help_text=HELP,
        validators=[django.core.validators.MinValueValidator(1)],
        verbose_name="days to reply to an offer",
    )


class Migration(migrations.Migration):
    """The reply period each new offer gets; offer_deadline goes once the offers carry theirs
    (applications 0004 copies it, then 0011 removes it)."""

    dependencies = [
        ("programs", "0009_add_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalintake", name="offer_reply_days", field=reply_days_field()
        ),
        migrations.AddField(model_name="intake", name="offer_reply_days", field=reply_days_field()),
    ]
