"""Chinese program texts: Chinese visitors read them, everyone else (and empty fields) English."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from core.content_language import text_language
from core.languages import address_in_language
from tests.applications.factories import complete_application
from tests.factories import IntakeFactory, ProgramFactory, StudentProfileFactory
from tests.text_language import CHINESE, ENGLISH

pytestmark = pytest.mark.django_db

CATALOG = reverse("programs:catalog")


def card_titles(response):
    return re.findall(r'class="stretched-link">([^<]+)</a>', response.content.decode())


@pytest.fixture
def summer():
    """Open for applications, with Chinese texts except for the location."""
    program = ProgramFactory(
        title="International Graduate Summer School",
        slug="summer-school",
        summary="Two weeks in Hangzhou.",
        description="Lectures and projects.",
        eligibility="Graduate students.",
        location="Hangzhou",
        title_zh_hans="国际研究生暑期学校",
        summary_zh_hans="在杭州的两周。",
        description_zh_hans="讲座与项目。",
        eligibility_zh_hans="研究生。",
    )
    IntakeFactory(program=program, name="Summer 2027")
    return program


@pytest.fixture
def untranslated():
    program = ProgramFactory(title="Young Fellow camp", summary="A week of talks.")
    IntakeFactory(program=program)
    return program


# The rule ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh-hans", "国际研究生暑期学校"), ("en", "Summer School")],
)
def test_the_active_language_chooses_the_text(language, expected):
    program = ProgramFactory.build(title="Summer School", title_zh_hans="国际研究生暑期学校")
    with translation.override(language):
        assert program.title == expected


# Admin forms strip what staff type, so a missing text is empty or NULL.
@pytest.mark.parametrize("empty", ["", None])
def test_an_empty_chinese_text_falls_back_to_english(empty):
    program = ProgramFactory.build(
        summary="Two weeks.", summary_zh_hans=empty, location="Hangzhou", location_zh_hans=""
    )
    with translation.override("zh-hans"):
        assert program.summary == "Two weeks."
        assert program.location == "Hangzhou"


def test_an_empty_english_text_falls_back_to_chinese():
    program = ProgramFactory.build(title_en="", title_zh_hans="国际研究生暑期学校")
    with translation.override("en"):
        assert program.title == "国际研究生暑期学校"
        assert text_language(program, "title") == "zh-hans"


@pytest.mark.parametrize(
    ("language", "title_zh_hans", "expected"),
    [("zh-hans", "暑期学校", "zh-hans"), ("zh-hans", "", "en"), ("en", "暑期学校", "en")],
)
def test_the_language_of_a_text_is_that_of_the_text_shown(language, title_zh_hans, expected):
    program = ProgramFactory.build(title="Summer School", title_zh_hans=title_zh_hans)
    with translation.override(language):
        assert text_language(program, "title") == expected


def test_a_text_with_one_column_is_in_the_content_language(settings):
    settings.CONTENT_LANGUAGE = "en-gb"
    program = ProgramFactory.build(summary="Two weeks.")
    with translation.override("zh-hans"):
        assert text_language(program, "slug") == "en-gb"


# Pages ------------------------------------------------------------------------------------------


def test_catalog_in_chinese_shows_chinese_texts_and_english_where_there_are_none(
    client, summer, untranslated
):
    response = client.get(address_in_language(CATALOG, CHINESE), {"sort": "title"})
    html = response.content.decode()
    # Sorted by the English title ("International…" before "Young…"), shown in Chinese.
    assert card_titles(response) == ["国际研究生暑期学校", "Young Fellow camp"]
    assert "在杭州的两周。" in html and "A week of talks." in html
    assert "International Graduate Summer School" not in html
    assert "Two weeks in Hangzhou." not in html


def test_catalog_in_english_shows_no_chinese(client, summer, untranslated):
    response = client.get(address_in_language(CATALOG, ENGLISH), {"sort": "title"})
    html = response.content.decode()
    assert card_titles(response) == ["International Graduate Summer School", "Young Fellow camp"]
    assert "Two weeks in Hangzhou." in html
    assert "国际研究生暑期学校" not in html and "在杭州的两周。" not in html


@pytest.mark.parametrize("query", ["暑期", "杭州", "讲座"])  # title, summary, description
def test_a_chinese_word_finds_the_program(client, summer, untranslated, query):
    assert card_titles(client.get(address_in_language(CATALOG, CHINESE), {"q": query})) == [
        "国际研究生暑期学校"
    ]
    # Whatever the page's language: an English page finds it too, and shows it in English.
    assert card_titles(client.get(address_in_language(CATALOG, ENGLISH), {"q": query})) == [
        "International Graduate Summer School"
    ]


def test_english_words_still_find_a_program_in_chinese(client, summer, untranslated):
    assert card_titles(
        client.get(address_in_language(CATALOG, CHINESE), {"q": "summer school"})
    ) == ["国际研究生暑期学校"]


def test_program_page_in_chinese(client, summer):
    html = client.get(address_in_language(summer.get_absolute_url(), CHINESE)).content.decode()
    assert "<h1>国际研究生暑期学校</h1>" in html
    assert re.search(r"<title>国际研究生暑期学校 · ", html)
    assert '<meta name="description" content="在杭州的两周。">' in html
    assert 'aria-current="page">国际研究生暑期学校</li>' in html
    assert '<p class="lead">在杭州的两周。</p>' in html
    assert "讲座与项目。" in html and "研究生。" in html
    assert "Hangzhou" in html  # no Chinese location: the English one
    for english in ["International Graduate Summer School", "Lectures and projects."]:
        assert english not in html


def test_program_page_in_english(client, summer):
    html = client.get(address_in_language(summer.get_absolute_url(), ENGLISH)).content.decode()
    assert "<h1>International Graduate Summer School</h1>" in html
    assert '<meta name="description" content="Two weeks in Hangzhou.">' in html
    assert "Lectures and projects." in html and "Graduate students." in html
    assert "国际研究生暑期学校" not in html and "讲座与项目。" not in html


def test_the_address_decides_the_language_not_the_browser(client, summer):
    english = client.get(summer.get_absolute_url(), headers={"accept-language": "zh-hans"})
    assert "<h1>International Graduate Summer School</h1>" in english.content.decode()


def test_home_lists_open_programs_in_chinese(client, summer, untranslated):
    chinese = client.get(address_in_language(reverse("home"), CHINESE)).content.decode()
    assert "国际研究生暑期学校" in chinese and "在杭州的两周。" in chinese
    assert "Young Fellow camp" in chinese  # untranslated: English
    english = client.get(address_in_language(reverse("home"), ENGLISH)).content.decode()
    assert "International Graduate Summer School" in english
    assert "国际研究生暑期学校" not in english


def test_partnership_page_lists_the_programs_in_chinese(client, summer, untranslated):
    html = client.get(
        address_in_language(reverse("partnership:overview"), CHINESE)
    ).content.decode()
    assert "<dt>国际研究生暑期学校</dt>" in html
    assert "<dd><span>讲座与项目。" in html
    assert '<dt lang="en">Young Fellow camp</dt>' in html  # untranslated: English, marked so


@pytest.mark.parametrize(
    ("language", "title", "intake"),
    [
        # The intake's name is English: marked on a Chinese page (WCAG 3.1.2).
        ("zh-hans", "国际研究生暑期学校", '<span lang="en">Summer 2027</span>'),
        ("en", "International Graduate Summer School", "Summer 2027"),
    ],
)
def test_an_applicant_reads_the_title_in_their_language_on_their_dashboard_and_application(
    client, summer, language, title, intake
):
    application = complete_application(intake=summer.intakes.get())
    client.force_login(application.applicant)
    with translation.override(language):
        dashboard_url, application_url = (
            reverse("applications:dashboard"),
            application.get_absolute_url(),
        )
    dashboard = client.get(dashboard_url).content.decode()
    assert f"{title} — {intake}" in dashboard
    page = client.get(application_url).content.decode()
    assert re.search(rf"<title>{title} — Summer 2027 \(", page)  # a draft: no reference yet
    assert f"{title} — {intake}</p>" in page


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("zh-hans", "我们已收到您对 国际研究生暑期学校（Summer 2027）的申请。"),
        ("en", "We have received your application to International Graduate Summer School"),
    ],
)
def test_the_confirmation_email_names_the_program_in_the_applicants_language(
    summer, django_capture_on_commit_callbacks, language, sentence
):
    application = complete_application(
        intake=summer.intakes.get(),
        applicant=StudentProfileFactory(user__language=language).user,
    )
    other = "en" if language == "zh-hans" else "zh-hans"
    with translation.override(other), django_capture_on_commit_callbacks(execute=True):
        application.submit(by=application.applicant)
    assert sentence in mail.outbox[-1].body
