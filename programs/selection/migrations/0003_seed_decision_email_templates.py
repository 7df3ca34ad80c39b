"""Sensible default decision emails; managers edit them in admin."""

from django.db import migrations

SIGNATURE = "\n\nZJU–Alibaba Joint Training\nSchool of Software Technology, Zhejiang University"

DEFAULTS = {
    "shortlisted": (
        "Your application {reference}: shortlisted",
        "Dear {name},\n\nGood news: your application to {program} ({intake}) has been "
        "shortlisted. We will write to you again when the final decision is made.\n\n"
        "Reference: {reference}" + SIGNATURE,
    ),
    "offered": (
        "Offer of a place: {program} ({intake})",
        "Dear {name},\n\nWe are pleased to offer you a place in {program} ({intake}).\n\n"
        "Please accept or decline the offer on the “My applications” page of the portal "
        "before {deadline}. If we do not hear from you by then, the place may go to "
        "another applicant.\n\nReference: {reference}" + SIGNATURE,
    ),
    "waitlisted": (
        "Your application {reference}: waiting list",
        "Dear {name},\n\nThank you for applying to {program} ({intake}). All places have "
        "been offered for now, and you are on our waiting list. If a place becomes free we "
        "will offer it to you by email.\n\nReference: {reference}" + SIGNATURE,
    ),
    "rejected": (
        "Your application {reference}",
        "Dear {name},\n\nThank you for applying to {program} ({intake}). We received many "
        "strong applications and are sorry that we cannot offer you a place this time. "
        "We hope you will apply again.\n\nReference: {reference}" + SIGNATURE,
    ),
}


def seed(apps, schema_editor):
    EmailTemplate = apps.get_model("selection", "EmailTemplate")
    for state, (subject, body) in DEFAULTS.items():
        EmailTemplate.objects.get_or_create(state=state, defaults={"subject": subject, "body": body})


def unseed(apps, schema_editor):
    apps.get_model("selection", "EmailTemplate").objects.filter(state__in=DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("selection", "0002_create_staff_roles")]

    operations = [migrations.RunPython(seed, unseed)]
