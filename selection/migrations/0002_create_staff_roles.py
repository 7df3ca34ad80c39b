"""The two staff roles were created here until the apps were split (wave 2).

They are now one table in selection/roles.py, applied after every migrate (post_migrate), so
this migration does nothing; it stays for the migration graph of existing databases.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0001_add_reviews_and_email_templates"),
        ("programs", "0002_add_applications"),
        ("portal", "0002_add_partnership_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
