"""The two staff roles, as groups holding model permissions: one table, kept in step on migrate.

Program managers run programs, intakes, supervisors, applications and decisions, review
criteria and assignments, interview slots, the decision emails, the email log, and the news
and partnership pages. Reviewers see the applications assigned to them (selection.rules) and
write their own reviews. Both hold interviews and assess the ones they held. After every
`migrate` (and every test-database flush) each group gets the permissions below that it
lacks; a permission staff added to a group by hand stays.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

MANAGER_GROUP = "Program managers"
REVIEWER_GROUP = "Reviewers"

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

ROLES = {
    MANAGER_GROUP: {
        **{("partnership", model): ALL for model in PARTNERSHIP_CONTENT},
        ("programs", "program"): ALL,
        ("programs", "intake"): ALL,
        ("programs", "intakequestion"): ALL,
        ("programs", "researcharea"): ALL,
        ("programs", "supervisor"): ALL,
        # Applications are written by students; staff change them only through decisions.
        ("applications", "application"): ["change", "view"],
        ("applications", "applicationdocument"): ["view"],
        ("applications", "applicationstatechange"): ["view"],
        ("applications", "supervisorchoice"): ["view"],
        ("applications", "referee"): ["view"],
        ("applications", "recommendationletter"): ["view"],
        ("applications", "interview"): ["view"],
        ("applications", "interviewslot"): ALL,
        ("applications", "emailtemplate"): ["change", "view"],
        ("selection", "reviewcriterion"): ALL,
        ("selection", "reviewassignment"): ALL,
        ("selection", "review"): ["view"],
        ("selection", "reviewscore"): ["view"],
        ("selection", "interviewassessment"): ["add", "change", "view"],
        ("mail", "emaillog"): ["change", "view"],
        ("selection", "exportjob"): ["view"],
    },
    REVIEWER_GROUP: {
        ("applications", "application"): ["view"],
        ("applications", "applicationdocument"): ["view"],
        ("applications", "applicationstatechange"): ["view"],
        ("applications", "supervisorchoice"): ["view"],
        ("applications", "referee"): ["view"],
        ("applications", "recommendationletter"): ["view"],
        ("applications", "interview"): ["view"],
        ("applications", "interviewslot"): ["view"],
        ("selection", "reviewcriterion"): ["view"],
        ("selection", "review"): ["add", "change", "view"],
        ("selection", "reviewscore"): ["add", "change", "view"],
        ("selection", "interviewassessment"): ["add", "change", "view"],
    },
}


def ensure_staff_roles(*, apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the groups if missing and give each the permissions of ROLES it lacks."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, table in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        for (app_label, model), actions in table.items():
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            if permissions.count() != len(codenames):
                raise RuntimeError(f"Missing permissions for {app_label}.{model}: {codenames}")
            group.permissions.add(*permissions)


def ensure_staff_roles_after_migrate(using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate receiver for this app, which comes after every app named in ROLES, so
    their permissions exist by then. After migrating backwards, to a schema without some of
    these models, it leaves the groups alone."""
    try:
        for app_label, model in {key for table in ROLES.values() for key in table}:
            apps.get_model(app_label, model)
    except LookupError:
        return
    ensure_staff_roles(apps=apps, using=using)
