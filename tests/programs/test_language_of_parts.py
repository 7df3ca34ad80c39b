"""Program texts, intakes and supervisors in the language they are written in (WCAG 2.1, 3.1.2):
on a Chinese page, English texts (a program's where its Chinese one is empty, intake names,
supervisors) carry lang="en", Chinese program texts carry none; English pages carry none."""

import pytest
from django.urls import reverse
from django.utils import translation

from partnership.models import OrganisationKind
from programs.models import ResearchArea, Supervisor
from tests.factories import (
    IntakeFactory,
    OrganisationFactory,
    ProgramFactory,
    StudentProfileFactory,
    SupervisorFactory,
)
from tests.page_builders import phd_draft
from tests.text_language import CHINESE, ENGLISH, lang_marks, languages_of, page

pytestmark = pytest.mark.django_db


@pytest.fixture
def summer():
    """Chinese title, summary and description; English eligibility and location."""
    program = ProgramFactory(
        title="International Graduate Summer School",
        summary="Two weeks in Hangzhou.",
        description="Lectures and projects.",
        eligibility="Graduate students.",
        location="Hangzhou",
        title_zh_hans="国际研究生暑期学校",
        summary_zh_hans="在杭州的两周。",
        description_zh_hans="讲座与项目。",
    )
    program.host_organisations.add(
        OrganisationFactory(name="Alibaba DAMO Academy", kind=OrganisationKind.COMPANY_UNIT)
    )
    IntakeFactory(program=program, name="Summer 2027")
    return program


@pytest.fixture
def untranslated():
    program = ProgramFactory(
        title="Young Fellow camp", summary="A week of talks.", description="Talks by experts."
    )
    IntakeFactory(program=program, name="Autumn 2027")
    return program


@pytest.fixture
def supervisor():
    supervisor = SupervisorFactory(
        name="Hua Xiansheng",
        title="Senior researcher",
        unit=OrganisationFactory(name="Alibaba Cloud", kind=OrganisationKind.COMPANY_UNIT),
        profile="Leads research on visual intelligence.",
    )
    supervisor.research_areas.add(ResearchArea.objects.create(name="Computer vision", slug="cv"))
    return supervisor


# Pages ------------------------------------------------------------------------------------------


def test_a_card_with_only_english_texts_is_marked_and_a_chinese_title_is_not(
    client, summer, untranslated
):
    html = page(client, reverse("programs:catalog"), CHINESE)
    assert languages_of(html, "Young Fellow camp") == {"en"}
    assert languages_of(html, "A week of talks.") == {"en"}
    assert languages_of(html, "国际研究生暑期学校") == {"zh-hans"}
    assert languages_of(html, "在杭州的两周。") == {"zh-hans"}
    assert '<h3 class="h5 card-title"><a' in html  # no lang at all on the Chinese title
    assert '<h3 class="h5 card-title" lang="en"><a' in html


def test_home_marks_the_english_card_only(client, summer, untranslated):
    html = page(client, reverse("home"), CHINESE)
    assert languages_of(html, "Young Fellow camp") == {"en"}
    assert languages_of(html, "国际研究生暑期学校") == {"zh-hans"}


def test_the_program_page_marks_each_english_text(client, summer):
    html = page(client, summer.get_absolute_url(), CHINESE)
    for text in ["国际研究生暑期学校", "在杭州的两周。", "讲座与项目。"]:
        assert languages_of(html, text) == {"zh-hans"}
    for text in ["Graduate students.", "Hangzhou", "Alibaba DAMO Academy", "Summer 2027"]:
        assert languages_of(html, text) == {"en"}
    assert "<h1>国际研究生暑期学校</h1>" in html


def test_an_untranslated_program_page_reads_english_where_it_is(client, untranslated):
    html = page(client, untranslated.get_absolute_url(), CHINESE)
    for text in ["Young Fellow camp", "A week of talks.", "Talks by experts.", "Autumn 2027"]:
        assert languages_of(html, text) == {"en"}
    with translation.override("zh-hans"):
        about = translation.gettext("About the program")
    assert languages_of(html, about) == {"zh-hans"}


def test_the_supervisor_profile_reads_english(client, supervisor):
    html = page(client, supervisor.get_absolute_url(), CHINESE)
    for text in ["Hua Xiansheng", "Senior researcher", "Alibaba Cloud", "Computer vision"]:
        assert languages_of(html, text) == {"en"}
    assert languages_of(html, "Leads research on visual intelligence.") == {"en"}
    assert languages_of(html, "研究方向") == {"zh-hans"}  # "Research areas"
    listed = page(client, reverse("programs:supervisors"), CHINESE)
    for text in ["Hua Xiansheng", "Senior researcher", "Alibaba Cloud", "Computer vision"]:
        assert languages_of(listed, text) == {"en"}  # the area: on the card and in the filter


def test_options_naming_content_read_english_and_the_empty_one_chinese(client, summer):
    html = page(client, reverse("programs:catalog"), CHINESE)
    assert languages_of(html, "Alibaba DAMO Academy") == {"en"}  # the organisation filter
    with translation.override("zh-hans"):
        everyone = translation.gettext("All organisations")
    assert languages_of(html, everyone) == {"zh-hans"}


def test_the_application_steps_mark_supervisors_and_the_choices_staff_wrote(client):
    user = StudentProfileFactory().user
    client.force_login(user)
    pk = phd_draft(user)["pk"]
    supervisors = page(client, reverse("applications:step_supervisors", args=[pk]), CHINESE)
    for supervisor in Supervisor.objects.active():
        assert languages_of(supervisors, supervisor.name) == {"en"}
    statement = page(client, reverse("applications:step_statement", args=[pk]), CHINESE)
    for choice in ["Cloud computing", "Machine intelligence", "Data intelligence"]:
        assert languages_of(statement, choice) == {"en"}
    english = page(client, reverse("applications:step_statement", args=[pk]), ENGLISH)
    assert lang_marks(english) == []
    review = page(client, reverse("applications:review", args=[pk]), CHINESE)
    assert languages_of(review, "Which track interests you most?") == {"en"}


def test_sentences_stay_chinese_around_the_english_intake_name(client, summer, untranslated):
    client.force_login(StudentProfileFactory().user)
    html = page(client, reverse("applications:start", args=[summer.intakes.get().pk]), CHINESE)
    assert '国际研究生暑期学校 — <span lang="en">Summer 2027</span>' in html
    html = page(
        client, reverse("applications:start", args=[untranslated.intakes.get().pk]), CHINESE
    )
    assert '<span lang="en">Young Fellow camp</span> — <span lang="en">Autumn 2027</span>' in html


def test_english_pages_carry_no_redundant_lang(client, summer, untranslated, supervisor):
    urls = [
        reverse("home"),
        reverse("programs:catalog"),
        summer.get_absolute_url(),
        untranslated.get_absolute_url(),
        reverse("programs:supervisors"),
        supervisor.get_absolute_url(),
    ]
    for url in urls:
        assert lang_marks(page(client, url, ENGLISH)) == [], url
    assert ">Alibaba DAMO Academy</option>" in page(client, reverse("programs:catalog"), ENGLISH)
    client.force_login(StudentProfileFactory().user)
    start = reverse("applications:start", args=[summer.intakes.get().pk])
    assert lang_marks(page(client, start, ENGLISH)) == []
