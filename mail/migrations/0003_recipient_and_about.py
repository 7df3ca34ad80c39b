"""The log names the account an email went to and, generically, what it was about, so this app
needs no foreign key to the apps that send mail. Existing rows keep their application."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def link_to_recipients_and_applications(apps, schema_editor):
    EmailLog = apps.get_model("mail", "EmailLog")
    Application = apps.get_model("applications", "Application")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    ContentType = apps.get_model("contenttypes", "ContentType")
    application_type, _created = ContentType.objects.get_or_create(
        app_label="applications", model="application"
    )
    applicants = dict(Application.objects.values_list("pk", "applicant_id"))
    users_by_email = {email.lower(): pk for pk, email in User.objects.values_list("pk", "email")}
    for log in EmailLog.objects.all().iterator():
        if log.application_id is not None:
            log.about_type_id = application_type.pk
            log.about_id = log.application_id
        log.recipient_id = applicants.get(log.application_id) or users_by_email.get(
            log.to.lower()
        )
        log.save(update_fields=["about_type", "about_id", "recipient"])


def link_back_to_applications(apps, schema_editor):
    EmailLog = apps.get_model("mail", "EmailLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    application_type = ContentType.objects.filter(
        app_label="applications", model="application"
    ).first()
    if application_type is not None:
        EmailLog.objects.filter(about_type=application_type).update(
            application_id=models.F("about_id")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0002_rename_table"),
        ("applications", "0002_rename_tables"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="emaillog",
            name="recipient",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="emails",
                to=settings.AUTH_USER_MODEL,
                verbose_name="recipient",
            ),
        ),
        migrations.AddField(
            model_name="emaillog",
            name="about_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="about (kind)",
            ),
        ),
        migrations.AddField(
            model_name="emaillog",
            name="about_id",
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name="about (id)"),
        ),
        migrations.RunPython(link_to_recipients_and_applications, link_back_to_applications),
        migrations.RemoveField(model_name="emaillog", name="application"),
        migrations.AddIndex(
            model_name="emaillog",
            index=models.Index(fields=["about_type", "about_id"], name="mail_emaillog_about"),
        ),
    ]
