"""The two staff roles as groups with model permissions.

Program managers run programs, intakes, supervisors, applications and decisions, review
criteria and assignments, the decision emails, and the news and partnership pages. Reviewers
see the applications assigned to them (enforced in programs.selection.rules) and write their
own reviews.
"""

from django.db import migrations

ALL = ["add", "change", "delete", "view"]

PARTNERSHIP_CONTENT = [
    "organisation",
    "newsarticle",
    "articleblock",
    "figure",
    "milestone",
    "person",
    "agreement",
    "agreementpoint",
    "ceremonyparticipant",
    "researchfield",
    "keyfigure",
]

MANAGER_PERMISSIONS = {
    **{("portal", model): ALL for model in PARTNERSHIP_CONTENT},
    ("programs", "program"): ALL,
    ("programs", "intake"): ALL,
    ("programs", "intakequestion"): ALL,
    ("programs", "researcharea"): ALL,
    ("programs", "supervisor"): ALL,
    # Applications are written by students; staff change them only through decisions.
    ("programs", "application"): ["change", "view"],
    ("programs", "applicationdocument"): ["view"],
    ("programs", "applicationstatechange"): ["view"],
    ("programs", "supervisorchoice"): ["view"],
    ("selection", "reviewcriterion"): ALL,
    ("selection", "reviewassignment"): ALL,
    ("selection", "review"): ["view"],
    ("selection", "reviewscore"): ["view"],
    ("selection", "emailtemplate"): ["change", "view"],
    ("selection", "emaillog"): ["change", "view"],
}

REVIEWER_PERMISSIONS = {
    ("programs", "application"): ["view"],
    ("programs", "applicationdocument"): ["view"],
    ("programs", "applicationstatechange"): ["view"],
    ("programs", "supervisorchoice"): ["view"],
    ("selection", "reviewcriterion"): ["view"],
    ("selection", "review"): ["add", "change", "view"],
    ("selection", "reviewscore"): ["add", "change", "view"],
}

ROLES = {"Program managers": MANAGER_PERMISSIONS, "Reviewers": REVIEWER_PERMISSIONS}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, table in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for (app_label, model), actions in table.items():
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            if permissions.count() != len(codenames):
                raise RuntimeError(f"Missing permissions for {app_label}.{model}: {codenames}")
            group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0001_add_reviews_and_email_templates"),
        ("programs", "0002_add_applications"),
        ("portal", "0002_add_partnership_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
