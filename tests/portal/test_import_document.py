from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from partnership.models import (
    Agreement,
    ArticleBlock,
    CeremonyParticipant,
    Figure,
    KeyFigure,
    Milestone,
    NewsArticle,
    Organisation,
    Person,
    ResearchField,
)
from portal.importer import document_import
from portal.models import ImportRecord
from programs.models import Program
from tests.conftest import DOCUMENT
from tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    *apps.get_app_config("partnership").get_models(),
    ImportRecord,
    Program,
]


def snapshot():
    """Every row of every content model, every column (timestamps too), as plain data."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in CONTENT_MODELS
    }


def run_import(path=DOCUMENT, *options):
    out = StringIO()
    call_command("import_document", str(path), *options, stdout=out)
    return out.getvalue()


def test_import_builds_the_partnership_from_the_document(imported):
    article = NewsArticle.objects.get()
    assert article.title.startswith("The School of Software Technology of Zhejiang University")
    assert str(article.published_on) == "2020-03-27"
    kinds = list(article.blocks.order_by("position").values_list("kind", flat=True))
    assert kinds.count("paragraph") == 8 and kinds.count("figure") == 5
    # The first caption sits between the first two paragraphs.
    assert kinds[:3] == ["paragraph", "figure", "paragraph"]
    assert Figure.objects.filter(taken_in="2017-04-01", caption__contains="unveiling").exists()

    dates = [
        (str(m.happened_on) if m.happened_on else None, m.is_planned)
        for m in Milestone.objects.in_date_order()
    ]
    assert dates == [
        ("2017-04-01", False),
        ("2017-05-01", False),
        ("2019-07-01", False),
        ("2019-10-01", False),
        ("2019-11-01", False),
        ("2019-12-01", False),
        ("2020-03-27", False),
        (None, True),
    ]
    planned = Milestone.objects.get(is_planned=True)
    assert "National Model Joint Training Base" in planned.text
    founded = Milestone.objects.get(happened_on="2017-04-01")
    assert founded.source_block.text.startswith("The School of Software Technology")

    assert ResearchField.objects.filter(kind="joint_research").count() == 6
    assert ResearchField.objects.filter(kind="new_infrastructure").count() == 7
    assert set(KeyFigure.objects.values_list("value", flat=True)) == {"11", "~50", "30+", "2 + 11"}
    assert Person.objects.get(name="Daniel Zhang").organisation.name == "Alibaba Group"
    assert Person.objects.get(name="Bu Jiajun").organisation.kind == "joint_institute"
    signed = CeremonyParticipant.objects.filter(part="signed").values_list(
        "person__name", flat=True
    )
    assert set(signed) == {"Wang Lizhong", "Zhang Jianfeng"}
    assert list(Agreement.objects.values_list("signed_on", "day_known")) == [
        (Milestone.objects.get(happened_on="2017-05-01").happened_on, False),
        (Milestone.objects.get(happened_on="2020-03-27").happened_on, True),
    ]
    universities = Organisation.objects.filter(kind="partner_university")
    assert set(universities.values_list("name", flat=True)) == {
        "Stanford University",
        "Massachusetts Institute of Technology",
        "Harvard University",
        "University of Cambridge",
        "National University of Singapore",
    }
    assert universities.get(short_name="NUS").name == "National University of Singapore"


def test_import_creates_the_seven_programs_with_their_slugs_and_kinds(imported):
    assert dict(Program.objects.values_list("slug", "kind")) == {
        "international-graduate-summer-school": "summer_school",
        "zierip": "zierip",
        "internship-at-alibaba": "internship",
        "intelligent-internet-technology-phd": "phd",
        "summer-camp": "summer_camp",
        "young-fellow-camp": "young_fellow_camp",
        "joint-training-base": "training_base",
    }
    zierip = Program.objects.get(slug="zierip")
    assert (zierip.study_weeks, zierip.internship_weeks) == (2, 11)
    assert zierip.partner_organisations.count() == 5


def test_running_the_import_twice_changes_nothing(imported):
    before = snapshot()
    output = run_import()
    assert "nothing changed" in output
    assert snapshot() == before


def test_staff_edits_survive_a_reimport(imported):
    article = NewsArticle.objects.get()
    article.title = "Edited by staff"
    article.save()
    paragraph = ArticleBlock.objects.filter(kind="paragraph").order_by("position").first()
    paragraph.text = "A paragraph rewritten in admin."
    paragraph.save()
    Milestone.objects.filter(happened_on="2017-04-01").update(title="Institute opens")
    Person.objects.filter(name="Liu Xiangwen").update(role="Host of the ceremony")
    Organisation.objects.filter(slug="zhejiang-university").update(name="ZJU (edited)")
    Program.objects.filter(slug="zierip").update(title="ZIERIP (edited)", study_weeks=3)
    KeyFigure.objects.filter(value="11").update(label="Expert supervisors")
    before = snapshot()

    run_import()

    assert snapshot() == before
    assert NewsArticle.objects.get().title == "Edited by staff"
    assert Milestone.objects.filter(title="Institute opens").exists()
    assert Program.objects.get(slug="zierip").study_weeks == 3


# What staff might delete in admin, and the label the import's report counts it under.
STAFF_DELETIONS = {
    "milestones": lambda: Milestone.objects.get(source_key="milestone:2019-07").delete(),
    "key figures": lambda: KeyFigure.objects.get(source_key="key-figure:interns").delete(),
    # Their part in the 2020 signing ceremony goes with them.
    "people": lambda: Person.objects.get(name="Wang Lizhong").delete(),
    # Its 13 blocks go with it; the figures stay (staff may reuse them).
    "news articles": lambda: NewsArticle.objects.get().delete(),
    "programs": lambda: Program.objects.get(slug="summer-camp").delete(),
}


@pytest.mark.parametrize("label", STAFF_DELETIONS)
def test_a_row_staff_deleted_stays_deleted_on_a_reimport(imported, label):
    STAFF_DELETIONS[label]()
    before = snapshot()

    output = run_import()

    assert snapshot() == before
    assert output.endswith(
        f"nothing changed; kept 1 row staff deleted (1 {label}; "
        "use --restore-deleted to bring them back).\n"
    )


def test_what_hangs_off_a_deleted_row_is_not_recreated_either(imported):
    assert CeremonyParticipant.objects.filter(person__name="Wang Lizhong").exists()
    for delete in STAFF_DELETIONS.values():
        delete()
    assert not ArticleBlock.objects.exists()

    report = document_import(path=DOCUMENT)

    assert report.total == 0
    assert {str(label): n for label, n in report.kept_deleted.items()} == dict.fromkeys(
        STAFF_DELETIONS, 1
    )
    assert report.total_kept_deleted == 5
    assert not ArticleBlock.objects.exists()
    assert not Person.objects.filter(name="Wang Lizhong").exists()
    assert not CeremonyParticipant.objects.filter(source_key__contains="wang-lizhong").exists()
    assert Figure.objects.count() == 5


def test_restore_deleted_brings_the_deleted_rows_back(imported):
    counts = {model: model.objects.count() for model in CONTENT_MODELS}
    for delete in STAFF_DELETIONS.values():
        delete()

    output = run_import(DOCUMENT, "--restore-deleted")

    assert "created 1 news articles, 13 article blocks, 1 milestones, 1 people" in output
    assert "1 key figures, 1 programs." in output
    assert {model: model.objects.count() for model in CONTENT_MODELS} == counts
    assert NewsArticle.objects.get().blocks.count() == 13
    wang = Person.objects.get(name="Wang Lizhong")
    assert wang.ceremonies.get().part == "signed"
    summer_camp = Program.objects.get(slug="summer-camp")
    assert summer_camp.host_organisations.exists()
    # Nothing more to record, and nothing more to do.
    assert "everything was already there, nothing changed" in run_import()


def test_rows_imported_before_records_existed_are_recorded_then_stay_deleted(imported):
    recorded = set(ImportRecord.objects.values_list("source_key", flat=True))
    assert "program:zierip" in recorded and "milestone:2019-07" in recorded
    ImportRecord.objects.all().delete()  # as a database imported before this change
    before = snapshot()

    assert "everything was already there, nothing changed" in run_import()
    assert set(ImportRecord.objects.values_list("source_key", flat=True)) == recorded
    assert {k: v for k, v in snapshot().items() if k != "portal.ImportRecord"} == {
        k: v for k, v in before.items() if k != "portal.ImportRecord"
    }

    KeyFigure.objects.get(source_key="key-figure:interns").delete()
    assert "kept 1 row staff deleted (1 key figures;" in run_import()
    assert not KeyFigure.objects.filter(source_key="key-figure:interns").exists()


def test_rows_the_import_creates_leave_out_what_staff_deleted(imported):
    milestone = Milestone.objects.get(source_key="milestone:2017-04")
    milestone.source_block.delete()
    Organisation.objects.filter(slug__in=["harvard-university", "zhejiang-university"]).delete()
    # A milestone and a program the database lacks (new in the document, say).
    milestone.delete()
    Program.objects.get(slug="zierip").delete()
    ImportRecord.objects.filter(source_key__in=["milestone:2017-04", "program:zierip"]).delete()

    output = run_import()

    assert "created 1 milestones, 1 programs;" in output
    assert "kept 3 rows staff deleted (2 organisations, 1 article blocks;" in output
    milestone = Milestone.objects.get(source_key="milestone:2017-04")
    assert milestone.source_block is None
    assert set(milestone.organisations.values_list("slug", flat=True)) == {
        "joint-institute-of-frontier-technologies",
        "school-of-software-technology",
    }
    zierip = Program.objects.get(slug="zierip")
    assert zierip.partner_organisations.count() == 4
    assert not Organisation.objects.filter(slug="harvard-university").exists()


def test_existing_programs_are_left_as_they_are(db):
    ProgramFactory(slug="zierip", kind="zierip", title="ZIERIP run by another app")
    run_import()
    zierip = Program.objects.get(slug="zierip")
    assert zierip.title == "ZIERIP run by another app"
    assert Program.objects.count() == 7


def test_missing_file_is_a_clear_error_and_changes_nothing(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*missing.txt.*Nothing was imported"):
        run_import(tmp_path / "missing.txt")
    assert all(model.objects.count() == 0 for model in CONTENT_MODELS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00b\x00a\x00d", "binary"),
        (b"Title\n\xe9t\xe9 in Latin-1, a long line that ends like a sentence.", "not UTF-8"),
        (b"Just a title\nA caption\n", "no paragraphs"),
        (b"A title that ends like a sentence.\nA paragraph.", "first line must be the title"),
    ],
)
def test_malformed_file_is_a_clear_error_and_changes_nothing(db, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run_import(path)
    assert all(model.objects.count() == 0 for model in CONTENT_MODELS)


def test_a_rule_that_no_longer_matches_fails_by_name_and_keeps_the_database(imported, tmp_path):
    before = snapshot()
    changed = DOCUMENT.read_text().replace("more than 30 fresh graduates", "many graduates")
    path = tmp_path / "changed.txt"
    path.write_text(changed)
    with pytest.raises(CommandError, match="key figure graduates-hired"):
        run_import(path)
    assert snapshot() == before


def test_a_failure_halfway_through_the_writes_rolls_everything_back(db, monkeypatch):
    from portal import importer

    def broken(parsed, report):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "_import_key_figures", broken)
    with pytest.raises(RuntimeError):
        run_import()
    assert all(model.objects.count() == 0 for model in CONTENT_MODELS)


def test_setup_demo_imports_the_document_first(db, settings):
    settings.DEMO_STAFF_PASSWORD = "demo-password-123"
    call_command("setup_demo", stdout=StringIO())
    assert NewsArticle.objects.count() == 1
    assert Program.objects.count() == 7
