"""The rule of core.content_language through its template tags: content written in
CONTENT_LANGUAGE carries a lang on pages in another language, and only there."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.content_language import check_content_language
from tests.factories import ProgramFactory


def render(source, **context):
    return Template("{% load content_language %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"), [("zh-hans", '<p lang="en">'), ("en", "<p>"), ("en-gb", "<p>")]
)
def test_content_is_marked_on_pages_in_another_language_only(language, expected):
    with translation.override(language):
        assert render("<p{% content_lang %}>") == expected


def test_the_content_language_is_a_setting(settings):
    settings.CONTENT_LANGUAGE = "zh-hans"
    with translation.override("zh-hans"):
        assert render("<p{% content_lang %}>") == "<p>"
    with translation.override("en"):
        assert render("<p{% content_lang %}>") == '<p lang="zh-hans">'


def test_content_inside_a_sentence_gets_a_span_of_its_own_and_stays_escaped():
    source = "来源：{{ title|content_text }}"
    with translation.override("zh-hans"):
        assert (
            render(source, title="R&D <news>")
            == '来源：<span lang="en">R&amp;D &lt;news&gt;</span>'
        )
    with translation.override("en"):
        assert render(source, title="R&D <news>") == "来源：R&amp;D &lt;news&gt;"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # The Chinese title is shown unmarked, the English summary standing in for an empty
        # Chinese one is marked.
        (
            "zh-hans",
            '<h2>暑期学校</h2><p lang="en">Two weeks.</p> in <span lang="en">Two weeks.</span>',
        ),
        ("en", "<h2>Summer School</h2><p>Two weeks.</p> in Two weeks."),
    ],
)
def test_a_program_text_is_marked_where_it_is_not_in_the_page_language(language, expected):
    program = ProgramFactory.build(
        title="Summer School", title_zh_hans="暑期学校", summary="Two weeks."
    )
    source = (
        '<h2{% text_lang program "title" %}>{{ program.title }}</h2>'
        '<p{% text_lang program "summary" %}>{{ program.summary }}</p>'
        ' in {{ program|text:"summary" }}'
    )
    with translation.override(language):
        assert render(source, program=program) == expected


@pytest.mark.parametrize(("language", "errors"), [("en", []), ("en-gb", []), ("qq", ["core.E001"])])
def test_a_content_language_django_does_not_know_fails_the_checks(settings, language, errors):
    settings.CONTENT_LANGUAGE = language
    assert [error.id for error in check_content_language()] == errors
