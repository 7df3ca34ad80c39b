from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from portal.models import (
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
from programs.models import Program
from tests.factories import ProgramFactory
from tests.portal.conftest import DOCUMENT

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    *apps.get_app_config("portal").get_models(),
    Program,
]


def snapshot():
    """Every row of every content model, every column (timestamps too), as plain data."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in CONTENT_MODELS
    }


def run_import(path=DOCUMENT):
    out = StringIO()
    call_command("import_document", str(path), stdout=out)
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
    from portal import services

    def broken(parsed, report):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_import_key_figures", broken)
    with pytest.raises(RuntimeError):
        run_import()
    assert all(model.objects.count() == 0 for model in CONTENT_MODELS)


def test_setup_demo_imports_the_document_first(db, settings):
    settings.DEMO_STAFF_PASSWORD = "demo-password-123"
    call_command("setup_demo", stdout=StringIO())
    assert NewsArticle.objects.count() == 1
    assert Program.objects.count() == 7
