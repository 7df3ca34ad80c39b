from django.db import migrations


class Migration(migrations.Migration):
    """Offers carry their own reply deadline now (applications 0004 copied this one)."""

    dependencies = [
        ("programs", "0010_intake_offer_reply_days"),
        ("applications", "0004_offer_reply_deadline_per_offer"),
    ]

    operations = [
        migrations.RemoveField(model_name="historicalintake", name="offer_deadline"),
        migrations.RemoveField(model_name="intake", name="offer_deadline"),
    ]
