from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('mail', '0004_attachments'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='emaillog',
            options={'ordering': ['-created_at'], 'verbose_name': 'email log entry', 'verbose_name_plural': 'email log entries'},
        ),
    ]
