"""The tables moved from `programs` and `selection` get this app's names, and their index and
constraints names to match; content types follow the models."""

from django.db import migrations, models

from core.migration_operations import move_content_types

FROM_PROGRAMS = ["application", "applicationdocument", "applicationstatechange", "supervisorchoice"]


def renamed_constraint(model_name, old_name, constraint):
    return [
        migrations.RemoveConstraint(model_name=model_name, name=old_name),
        migrations.AddConstraint(model_name=model_name, constraint=constraint),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0001_move_from_programs"),
        ("programs", "0008_applications_moved"),
        ("selection", "0006_applications_and_mail_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=name, table=None) for name in FROM_PROGRAMS],
        migrations.AlterModelTable(name="emailtemplate", table=None),
        migrations.RenameIndex(
            model_name="application",
            new_name="applications_intake_newest",
            old_name="programs_app_intake_newest",
        ),
        *renamed_constraint(
            "application",
            "programs_application_one_per_intake",
            models.UniqueConstraint(
                fields=("applicant", "intake"), name="applications_one_per_intake"
            ),
        ),
        *renamed_constraint(
            "applicationdocument",
            "programs_document_one_per_kind",
            models.UniqueConstraint(
                fields=("application", "kind"), name="applications_document_one_per_kind"
            ),
        ),
        *renamed_constraint(
            "supervisorchoice",
            "programs_supervisorchoice_unique_rank",
            models.UniqueConstraint(
                fields=("application", "rank"), name="applications_choice_unique_rank"
            ),
        ),
        *renamed_constraint(
            "supervisorchoice",
            "programs_supervisorchoice_unique_supervisor",
            models.UniqueConstraint(
                fields=("application", "supervisor"), name="applications_choice_unique_supervisor"
            ),
        ),
        *renamed_constraint(
            "supervisorchoice",
            "programs_supervisorchoice_rank_range",
            models.CheckConstraint(
                condition=models.Q(("rank__gte", 1), ("rank__lte", 3)),
                name="applications_choice_rank_range",
            ),
        ),
        *renamed_constraint(
            "emailtemplate",
            "selection_template_one_per_language",
            models.UniqueConstraint(
                fields=("state", "language"), name="applications_template_one_per_language"
            ),
        ),
        move_content_types("programs", "applications", FROM_PROGRAMS),
        move_content_types("selection", "applications", ["emailtemplate"]),
    ]
