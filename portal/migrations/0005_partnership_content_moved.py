"""The partnership content moved to the `partnership` app (state only: its 0002 renames the
tables). `portal` keeps the import's records."""

from django.db import migrations

# Referring models before the models they refer to.
MOVED = [
    "ceremonyparticipant",
    "agreementpoint",
    "agreement",
    "milestone",
    "articleblock",
    "newsarticle",
    "figure",
    "person",
    "researchfield",
    "keyfigure",
    "organisation",
]


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_import_record"),
        ("partnership", "0001_move_from_portal"),
        ("programs", "0007_organisations_from_partnership"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name=name) for name in MOVED],
        ),
    ]
