"""Staff manage programs, intakes, questions and supervisors in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from programs.models import Intake, IntakeQuestion, Program, Supervisor
from tests.factories import IntakeFactory, ProgramFactory, StaffFactory, SupervisorFactory
from tests.files import jpeg_upload
from tests.programs.factories import (
    ClosedIntakeFactory,
    ClosingSoonIntakeFactory,
    UpcomingIntakeFactory,
    intake_admin_form,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


@pytest.fixture
def intakes():
    program = ProgramFactory(title="ZIERIP")
    return {
        "open": IntakeFactory(program=program, name="Open round"),
        "closing": ClosingSoonIntakeFactory(program=program, name="Closing round"),
        "upcoming": UpcomingIntakeFactory(program=program, name="Upcoming round"),
        "closed": ClosedIntakeFactory(program=program, name="Closed round"),
    }


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", {"Open round", "Closing round"}),
        ("closing_soon", {"Closing round"}),
        ("upcoming", {"Upcoming round"}),
        ("closed", {"Closed round"}),
        ("", {"Open round", "Closing round", "Upcoming round", "Closed round"}),
    ],
)
def test_intake_list_filters_by_status(staff_client, intakes, status, expected):
    url = reverse("admin:programs_intake_changelist")
    response = staff_client.get(url, {"status": status} if status else {})
    assert response.status_code == 200
    shown = {intake.name for intake in response.context["cl"].result_list}
    assert shown == expected


def test_intake_list_shows_the_status_from_the_rule(staff_client, intakes):
    html = staff_client.get(reverse("admin:programs_intake_changelist")).content.decode()
    for label in ["Open", "Closing soon", "Upcoming", "Closed"]:
        assert f'<td class="field-status_display">{label}</td>' in html


def test_program_add_with_an_inline_intake_and_a_cover_image(staff_client):
    now = timezone.localtime()
    response = staff_client.post(
        reverse("admin:programs_program_add"),
        {
            "kind": "summer_camp",
            "title_en": "Summer camp",
            "slug": "summer-camp",
            "summary_en": "A week at Alibaba.",
            "is_published": "on",
            "cover_image": jpeg_upload(),
            "intakes-TOTAL_FORMS": "1",
            "intakes-INITIAL_FORMS": "0",
            "intakes-0-name_en": "Summer 2027",
            "intakes-0-opens_at_0": now.strftime("%Y-%m-%d"),
            "intakes-0-opens_at_1": "09:00:00",
            "intakes-0-closes_at_0": (now + timedelta(days=30)).strftime("%Y-%m-%d"),
            "intakes-0-closes_at_1": "23:59:00",
            "intakes-0-starts_on": (now + timedelta(days=60)).strftime("%Y-%m-%d"),
            "intakes-0-ends_on": (now + timedelta(days=67)).strftime("%Y-%m-%d"),
            "intakes-0-capacity": "40",
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors
    program = Program.objects.get(slug="summer-camp")
    assert program.intakes.get().capacity == 40
    assert program.cover_card


def test_an_intake_closing_before_it_opens_is_refused_and_nothing_saved(staff_client, intakes):
    program = intakes["open"].program
    response = staff_client.post(
        reverse("admin:programs_intake_add"),
        intake_admin_form(
            IntakeFactory.build(program=program, name="Broken"),
            opens_at_0="2027-05-01",
            opens_at_1="09:00:00",
            closes_at_0="2027-04-01",
            closes_at_1="09:00:00",
        ),
    )
    assert response.status_code == 200
    assert "Applications must close after they open." in response.content.decode()
    assert not Intake.objects.filter(name="Broken").exists()


def test_intake_questions_are_edited_inline(staff_client, intakes):
    intake = intakes["upcoming"]
    url = reverse("admin:programs_intake_change", args=[intake.pk])
    data = intake_admin_form(
        intake,
        capacity="20",
        requires_transcript="",
        requires_statement="",
        **{"questions-TOTAL_FORMS": "2"},
    )
    data.update(
        {
            "questions-0-label": "Preferred track",
            "questions-0-kind": "choice",
            "questions-0-choices": "Cloud\nAI",
            "questions-0-required": "on",
            "questions-0-position": "1",
            "questions-1-label": "Need a visa letter?",
            "questions-1-kind": "yes_no",
            "questions-1-position": "2",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    questions = list(IntakeQuestion.objects.filter(intake=intake))
    assert [(q.label, q.required) for q in questions] == [
        ("Preferred track", True),
        ("Need a visa letter?", False),
    ]
    assert questions[0].choice_list == ["Cloud", "AI"]


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:programs_program_changelist",
        "admin:programs_supervisor_changelist",
        "admin:programs_researcharea_changelist",
        "admin:programs_program_add",
        "admin:programs_supervisor_add",
    ],
)
def test_admin_pages_load(staff_client, intakes, url_name):
    SupervisorFactory()
    assert staff_client.get(reverse(url_name)).status_code == 200


def test_program_search_and_filters(staff_client, intakes):
    ProgramFactory(title="Young Fellow camp", kind="young_fellow_camp", is_published=False)
    url = reverse("admin:programs_program_changelist")
    found = staff_client.get(url, {"q": "fellow"}).context["cl"].result_list
    assert [p.title for p in found] == ["Young Fellow camp"]
    found = staff_client.get(url, {"is_published__exact": "0"}).context["cl"].result_list
    assert [p.title for p in found] == ["Young Fellow camp"]


TRANSLATED_FIELDS = ["title", "summary", "description", "eligibility", "location"]


def test_staff_edit_both_languages_side_by_side(staff_client):
    program = ProgramFactory(title="Summer camp")
    response = staff_client.get(reverse("admin:programs_program_change", args=[program.pk]))
    main_fields = response.context["adminform"].fieldsets[0][1]["fields"]
    for field in TRANSLATED_FIELDS:
        # Each English field is followed by its Chinese one (django-modeltranslation).
        english = main_fields.index(f"{field}_en")
        assert main_fields[english + 1] == f"{field}_zh_hans"
    html = response.content.decode()
    assert all(f'name="{field}_zh_hans"' in html for field in TRANSLATED_FIELDS)
    assert "[zh-hans]" in html


def test_staff_save_a_chinese_title_and_find_the_program_by_it(staff_client):
    program = ProgramFactory(title="Summer camp", slug="summer-camp", summary="A week.")
    response = staff_client.post(
        reverse("admin:programs_program_change", args=[program.pk]),
        {
            "kind": program.kind,
            "title_en": "Summer camp",
            "slug": "summer-camp",
            "summary_en": "A week.",
            "title_zh_hans": "夏令营",
            "summary_zh_hans": "一周。",
            "is_published": "on",
            "intakes-TOTAL_FORMS": "0",
            "intakes-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors
    program.refresh_from_db()
    assert (program.title_zh_hans, program.summary_zh_hans) == ("夏令营", "一周。")
    assert not program.description_zh_hans
    ProgramFactory(title="ZIERIP")
    found = staff_client.get(reverse("admin:programs_program_changelist"), {"q": "夏令"})
    assert [p.title for p in found.context["cl"].result_list] == ["Summer camp"]  # English title


def test_supervisor_list_marks_examples(staff_client):
    SupervisorFactory(name="Demo Person", is_example=True)
    url = reverse("admin:programs_supervisor_changelist")
    found = staff_client.get(url, {"is_example__exact": "1"}).context["cl"].result_list
    assert [s.name for s in found] == ["Demo Person"]
    assert Supervisor.objects.count() == 1


def test_a_program_slug_that_would_hide_another_page_is_refused(staff_client):
    response = staff_client.post(
        reverse("admin:programs_program_add"),
        {
            "kind": "summer_camp",
            "title_en": "Supervisors",
            "slug": "supervisors",
            "summary_en": "Clashes with the directory.",
            "intakes-TOTAL_FORMS": "0",
            "intakes-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "This address is used by another page." in response.content.decode()
    assert not Program.objects.filter(slug="supervisors").exists()
