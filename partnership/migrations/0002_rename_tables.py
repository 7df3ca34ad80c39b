"""The tables moved from `portal` get this app's names; content types follow the models."""

from django.db import migrations, models

from core.migration_operations import move_content_types

MOVED = [
    "agreement",
    "agreementpoint",
    "articleblock",
    "ceremonyparticipant",
    "figure",
    "keyfigure",
    "milestone",
    "newsarticle",
    "organisation",
    "person",
    "researchfield",
]


class Migration(migrations.Migration):
    dependencies = [
        ("partnership", "0001_move_from_portal"),
        ("portal", "0005_partnership_content_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=name, table=None) for name in MOVED],
        migrations.RemoveConstraint(
            model_name="articleblock", name="portal_articleblock_unique_position"
        ),
        migrations.AddConstraint(
            model_name="articleblock",
            constraint=models.UniqueConstraint(
                fields=("article", "position"), name="partnership_articleblock_unique_position"
            ),
        ),
        migrations.RemoveConstraint(
            model_name="ceremonyparticipant", name="portal_participant_unique_part"
        ),
        migrations.AddConstraint(
            model_name="ceremonyparticipant",
            constraint=models.UniqueConstraint(
                fields=("agreement", "person", "part"), name="partnership_participant_unique_part"
            ),
        ),
        move_content_types("portal", "partnership", MOVED),
    ]
