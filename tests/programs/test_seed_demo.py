"""seed_demo fills the imported programs with a living catalog once; later runs change nothing."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from partnership.models import Organisation
from programs.models import Intake, IntakeQuestion, IntakeStatus, Program, Supervisor

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "intakes": sorted(
            Intake.objects.values_list("program__slug", "name", "opens_at", "closes_at")
        ),
        "questions": IntakeQuestion.objects.count(),
        "supervisors": sorted(Supervisor.objects.values_list("slug", "unit__slug")),
        "organisations": Organisation.objects.count(),
        "chinese": sorted(
            Program.objects.values_list(
                "slug", "title_zh_hans", "summary_zh_hans", "description_zh_hans"
            )
        ),
    }


def test_seed_demo_creates_intakes_of_every_status_and_eleven_example_supervisors(
    document_programs,
):
    call_command("seed_demo")
    statuses = {intake.status for intake in Intake.objects.all()}
    assert statuses == set(IntakeStatus)
    assert Program.objects.filter(intakes__isnull=True).count() == 0
    assert IntakeQuestion.objects.filter(kind="choice").exists()
    assert IntakeQuestion.objects.filter(required=False).exists()
    supervisors = Supervisor.objects.all()
    assert supervisors.count() == 11
    assert all(s.is_example and s.is_active and s.research_areas.exists() for s in supervisors)
    assert {s.unit.short_name for s in supervisors} == {"DAMO Academy", "Alibaba Cloud"}
    assert all(s.unit.parent.slug == "alibaba-group" for s in supervisors)


def test_seed_demo_is_idempotent(document_programs):
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first


def test_a_later_run_keeps_what_staff_changed_and_deleted(db, settings):
    """The defect: seats set to 1 came back as 60 at the next `make run`, with no history."""
    settings.DEMO_STAFF_PASSWORD = "demo-password-123"
    with time_machine.travel("2026-03-01 10:00 +08:00"):
        call_command("setup_demo", stdout=StringIO())
    summer = Intake.objects.get(name="Summer 2026")
    summer.capacity = 1
    summer.closes_at = summer.closes_at + timedelta(days=2)
    summer.save()
    edited = Supervisor.objects.get(slug="chen-yiming")
    edited.title = "Director"
    edited.is_active = False
    edited.save()
    Supervisor.objects.get(slug="li-xiaowen").delete()
    Intake.objects.get(name__startswith="Joint training base").delete()
    Program.objects.filter(slug="zierip").update(title_zh_hans="", summary="Written by staff.")
    before = snapshot()

    with time_machine.travel("2026-03-05 10:00 +08:00"):
        out = StringIO()
        call_command("setup_demo", stdout=out)

    assert snapshot() == before
    summer.refresh_from_db()
    assert summer.capacity == 1
    assert summer.history.count() == 2  # created, then the staff edit: no overwrite since
    assert not Supervisor.objects.filter(slug="li-xiaowen").exists()
    assert Supervisor.objects.get(slug="chen-yiming").title == "Director"
    assert "created before, so nothing changed" in out.getvalue()


def test_deleting_every_demo_intake_does_not_bring_the_demo_back(document_programs):
    call_command("seed_demo")
    Intake.objects.all().delete()
    Supervisor.objects.all().delete()
    call_command("seed_demo")
    assert not Intake.objects.exists() and not Supervisor.objects.exists()


def test_seed_demo_reuses_units_an_import_already_created(document_programs):
    Organisation.objects.create(
        name="Alibaba DAMO Academy", slug="alibaba-damo-academy", kind="company_unit"
    )
    call_command("seed_demo")
    assert Organisation.objects.filter(name="Alibaba DAMO Academy").count() == 1


def test_seed_demo_without_the_imported_programs_says_what_to_run(db):
    with pytest.raises(CommandError, match="Run `manage.py import_document` first"):
        call_command("seed_demo")
    assert not Intake.objects.exists() and not Supervisor.objects.exists()


def test_seed_demo_names_the_missing_programs_and_changes_nothing(document_programs):
    Program.objects.filter(slug="zierip").delete()
    with pytest.raises(CommandError, match="zierip"):
        call_command("seed_demo")
    assert not Intake.objects.exists()


CHINESE_TITLES = {
    "international-graduate-summer-school": "国际研究生暑期学校",
    "zierip": "浙江大学国际软件工程产学研项目（ZIERIP）",
    "internship-at-alibaba": "阿里巴巴实习",
    "intelligent-internet-technology-phd": "智能互联网技术博士项目",
    "summer-camp": "夏令营",
    "young-fellow-camp": "青年学者营",
    "joint-training-base": "联合培养基地",
}


def test_seed_demo_gives_every_imported_program_a_chinese_title_and_summary(document_programs):
    call_command("seed_demo")
    programs = Program.objects.all()
    assert {p.slug: p.title_zh_hans for p in programs} == CHINESE_TITLES
    assert all(p.summary_zh_hans and p.description_zh_hans == p.summary_zh_hans for p in programs)
    assert all(
        len(p.summary_zh_hans) <= Program._meta.get_field("summary_zh_hans").max_length
        for p in programs
    )
    # Only the texts the document has: it gives no eligibility or location.
    assert not any(p.eligibility_zh_hans or p.location_zh_hans for p in programs)
    summer = programs.get(slug="international-graduate-summer-school")
    assert "暑期学校" in summer.summary_zh_hans and "2周" in summer.summary_zh_hans


def test_seed_demo_leaves_chinese_texts_staff_wrote_alone(document_programs):
    Program.objects.filter(slug="summer-camp").update(title_zh_hans="软件学院夏令营")
    Program.objects.filter(slug="zierip").update(summary_zh_hans="员工写的摘要。")
    call_command("seed_demo")
    camp = Program.objects.get(slug="summer-camp")
    assert camp.title_zh_hans == "软件学院夏令营"
    assert camp.summary_zh_hans  # its empty fields are still filled
    zierip = Program.objects.get(slug="zierip")
    assert zierip.summary_zh_hans == "员工写的摘要。"
    assert zierip.title_zh_hans == "浙江大学国际软件工程产学研项目（ZIERIP）"


def test_seed_demo_leaves_the_english_texts_alone(document_programs):
    before = sorted(Program.objects.values_list("slug", "title", "summary", "description"))
    call_command("seed_demo")
    assert sorted(Program.objects.values_list("slug", "title", "summary", "description")) == before
