"""A database of the schema before the apps were split (wave 1) keeps every row when it
migrates: tables are renamed, not copied, and content types move with their models, so the
staff roles keep their permissions."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from accounts.models import User
from applications.models import Application, EmailTemplate
from mail.models import EmailLog
from partnership.models import Milestone, Organisation
from programs.models import Program
from selection.models import Review

# The last migration of each app before the split, and the apps the split created.
BEFORE_THE_SPLIT = [
    ("accounts", "0002_user_language"),
    ("portal", "0004_import_record"),
    ("programs", "0006_application_intake_newest_index"),
    ("selection", "0005_seed_chinese_decision_email_templates"),
    ("partnership", None),
    ("applications", None),
    ("mail", None),
]


def migrate(targets):
    """Migrate to `targets` (None: the app unmigrated); the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def fill_the_old_schema(old):
    """One of everything the split moves, written with the models as they were then."""
    user = old.get_model("accounts", "User").objects.create(
        email="ada@example.org", first_name="Ada", last_name="Lovelace"
    )
    organisation = old.get_model("portal", "Organisation").objects.create(
        name="Zhejiang University", slug="zju", kind="university"
    )
    milestone = old.get_model("portal", "Milestone").objects.create(title="Founded", text="2017")
    milestone.organisations.add(organisation)
    program = old.get_model("programs", "Program").objects.create(
        kind="phd", title="PhD", slug="phd", summary="Supervised by Alibaba experts."
    )
    program.host_organisations.add(organisation)
    now = timezone.now()
    intake = old.get_model("programs", "Intake").objects.create(
        program=program,
        name="PhD 2027",
        opens_at=now,
        closes_at=now + timezone.timedelta(days=30),
        starts_on=now.date(),
        ends_on=now.date(),
        capacity=3,
    )
    application = old.get_model("programs", "Application").objects.create(
        applicant=user, intake=intake, state="under_review", reference="PHD-2027-000001"
    )
    old.get_model("programs", "ApplicationDocument").objects.create(
        application=application,
        kind="cv",
        file="applications/cv.pdf",
        original_name="cv.pdf",
        content_type="application/pdf",
        size=9,
    )
    old.get_model("programs", "ApplicationStateChange").objects.create(
        application=application, from_state="draft", to_state="submitted", by=user
    )
    reviewer = old.get_model("accounts", "User").objects.create(email="rita@example.org")
    old.get_model("selection", "Review").objects.create(
        application=application, reviewer=reviewer, comment="Strong."
    )
    emails = old.get_model("selection", "EmailLog").objects
    emails.create(application=application, to=user.email, subject="Submitted", status="sent")
    emails.create(to=user.email, subject="About nothing", status="failed")
    return application.pk


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_split_keeps_its_rows_and_permissions():
    manager = User.objects.create(email="mei@example.org", is_staff=True)
    manager.groups.add(Group.objects.get(name="Program managers"))
    templates = EmailTemplate.objects.count()
    try:
        old = migrate(BEFORE_THE_SPLIT)
        application_pk = fill_the_old_schema(old)
    finally:
        migrate(latest())

    application = Application.objects.get(pk=application_pk)
    assert application.reference == "PHD-2027-000001"
    assert application.applicant.email == "ada@example.org"
    assert application.intake.program == Program.objects.get(slug="phd")
    assert list(application.documents.values_list("original_name", flat=True)) == ["cv.pdf"]
    assert application.state_changes.get().to_state == "submitted"
    assert Review.objects.get().application == application
    assert list(Program.objects.get().host_organisations.all()) == [Organisation.objects.get()]
    assert list(Milestone.objects.get().organisations.all()) == [Organisation.objects.get()]

    about_application, about_nothing = EmailLog.objects.order_by("pk")
    assert (about_application.about, about_application.recipient) == (
        application,
        application.applicant,
    )
    assert (about_nothing.about, about_nothing.recipient) == (None, application.applicant)
    assert EmailTemplate.objects.count() == templates

    manager = User.objects.get(pk=manager.pk)  # a fresh permission cache
    assert manager.has_perm("applications.change_application")
    assert manager.has_perm("partnership.change_newsarticle")
    assert manager.has_perm("mail.change_emaillog")
    assert not ContentType.objects.filter(app_label="portal", model="newsarticle").exists()


BEFORE_TRANSLATED_COLUMNS = [
    ("partnership", "0003_figure_image_stripped"),
    ("programs", "0012_intake_referee_and_interview_settings"),
]


@pytest.mark.django_db(transaction=True)
def test_the_programs_chinese_texts_and_all_english_ones_reach_their_language_columns():
    try:
        old = migrate(BEFORE_TRANSLATED_COLUMNS)
        old.get_model("programs", "Program").objects.create(
            kind="phd",
            title="PhD",
            slug="phd",
            summary="Supervised by Alibaba experts.",
            title_zh="博士联合培养",
            summary_zh="",  # never translated: the English shows on Chinese pages
        )
        old.get_model("partnership", "Milestone").objects.create(
            title="Founded", text="The institute opened."
        )
    finally:
        migrate(latest())

    program = Program.objects.get()
    assert (program.title_en, program.title_zh_hans) == ("PhD", "博士联合培养")
    assert (program.summary_en, program.summary_zh_hans) == ("Supervised by Alibaba experts.", None)
    with translation.override("zh-hans"):
        assert (program.title, program.summary) == (
            "博士联合培养",
            "Supervised by Alibaba experts.",
        )
    milestone = Milestone.objects.get()
    assert (milestone.title_en, milestone.text_en) == ("Founded", "The institute opened.")
    assert milestone.title_zh_hans is None


@pytest.mark.django_db(transaction=True)
def test_accounts_that_exist_before_the_searched_text_are_found_by_the_staff_search():
    try:
        old = migrate([("accounts", "0003_index_profile_university")])
        user = old.get_model("accounts", "User").objects.create(
            email="ada@example.org", first_name="Ada", last_name="Lovelace"
        )
        old.get_model("accounts", "StudentProfile").objects.create(
            user=user, given_name="Augusta", family_name="King", university="London University"
        )
        old.get_model("accounts", "User").objects.create(email="staff@example.org")
    finally:
        migrate(latest())

    texts = dict(User.objects.values_list("email", "search_text"))
    assert texts == {
        "ada@example.org": "ada@example.org\nAda\nLovelace\nAugusta\nKing\nLondon University",
        "staff@example.org": "staff@example.org",
    }
