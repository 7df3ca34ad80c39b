"""Organisations now live in `partnership` (state only: the table is the same)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0006_application_intake_newest_index"),
        ("partnership", "0001_move_from_portal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="program",
                    name="host_organisations",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="hosted_programs",
                        to="partnership.organisation",
                        verbose_name="host organisations",
                    ),
                ),
                migrations.AlterField(
                    model_name="program",
                    name="partner_organisations",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="partnered_programs",
                        to="partnership.organisation",
                        verbose_name="partner organisations",
                    ),
                ),
                migrations.AlterField(
                    model_name="supervisor",
                    name="unit",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="supervisors",
                        to="partnership.organisation",
                        verbose_name="unit",
                    ),
                ),
            ],
        ),
    ]
