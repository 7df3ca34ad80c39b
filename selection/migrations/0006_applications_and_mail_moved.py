"""Reviews point at `applications.Application`; the decision emails moved to `applications`
and the email log to `mail` (state only: those apps rename the tables)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0005_seed_chinese_decision_email_templates"),
        ("applications", "0001_move_from_programs"),
        ("mail", "0001_move_from_selection"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="review",
                    name="application",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reviews",
                        to="applications.application",
                        verbose_name="application",
                    ),
                ),
                migrations.AlterField(
                    model_name="reviewassignment",
                    name="application",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="review_assignments",
                        to="applications.application",
                        verbose_name="application",
                    ),
                ),
                migrations.DeleteModel(name="EmailLog"),
                migrations.DeleteModel(name="EmailTemplate"),
            ],
        ),
    ]
