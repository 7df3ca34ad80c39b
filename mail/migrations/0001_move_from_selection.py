"""The email log moves here from `selection`: sending mail is not a staff-only concern.

State only, in the shape it had there: 0002 renames the table, 0003 reshapes it.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("selection", "0005_seed_chinese_decision_email_templates"),
        ("applications", "0001_move_from_programs"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmailLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("to", models.EmailField(max_length=254, verbose_name="to")),
                        ("subject", models.CharField(max_length=300, verbose_name="subject")),
                        ("body", models.TextField(verbose_name="body")),
                        (
                            "status",
                            models.CharField(
                                choices=[("sent", "Sent"), ("failed", "Failed")],
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(default=1, verbose_name="attempts"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
                        (
                            "application",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="applications.application",
                                verbose_name="application",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "selection_emaillog",
                        "verbose_name": "email log entry",
                        "verbose_name_plural": "email log",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
    ]
