"""The Chinese decision emails were seeded here until the apps were split (wave 2).

They are now created, when missing, after every migrate by applications/default_emails.py, so
this migration does nothing; it stays for the migration graph of existing databases.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("selection", "0004_email_template_language")]

    operations = []
