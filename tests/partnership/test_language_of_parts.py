"""Content without its Chinese text shows in English (CONTENT_LANGUAGE): on a Chinese page each
such part carries lang="en" so screen readers read it with an English voice (WCAG 2.1, 3.1.2),
while the UI around it stays Chinese; on an English page nothing carries a redundant lang.
The pages are built from the document imported without its Chinese version."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from partnership.models import (
    Agreement,
    ArticleBlock,
    CeremonyParticipant,
    KeyFigure,
    Milestone,
    NewsArticle,
    Organisation,
    OrganisationKind,
    Person,
    ResearchField,
)
from tests.page_builders import news_article_with_figures
from tests.text_language import CHINESE, ENGLISH, lang_marks, languages_of, page

pytestmark = pytest.mark.django_db


def chinese(message):
    with translation.override("zh-hans"):
        return translation.gettext(message)


# Pages ------------------------------------------------------------------------------------------


def test_the_news_article_reads_english_on_a_chinese_page(client, imported_in_english_only):
    article = NewsArticle.objects.get()
    html = page(client, article.get_absolute_url(), CHINESE)
    assert languages_of(html, article.title) == {"en"}
    paragraphs = article.blocks.filter(kind="paragraph")
    assert paragraphs.count() > 3
    for block in paragraphs:
        assert languages_of(html, block.text[:60]) == {"en"}
    for block in article.blocks.filter(kind="figure").select_related("figure"):
        assert languages_of(html, block.figure.caption) == {"en"}
    # The UI around it, the placeholder of a photo still to be uploaded included, is Chinese.
    assert languages_of(html, chinese("News")) == {"zh-hans"}
    assert languages_of(html, chinese("Photo to be added")) == {"zh-hans"}


def test_a_photo_described_in_english_is_marked_english(client):
    slug = news_article_with_figures()["slug"]
    html = page(client, reverse("partnership:news_detail", kwargs={"slug": slug}), CHINESE)
    figure = ArticleBlock.objects.filter(figure__image_web__gt="").first().figure
    assert f'alt="{figure.alt}" lang="en"' in html


def test_milestones_read_english_and_their_dates_chinese(client, imported_in_english_only):
    html = page(client, reverse("partnership:timeline"), CHINESE)
    milestones = list(Milestone.objects.all())
    assert any(m.is_planned for m in milestones) and any(m.source_block for m in milestones)
    for milestone in milestones:
        assert languages_of(html, milestone.title) == {"en"}
        assert languages_of(html, milestone.text[:60]) == {"en"}
    assert languages_of(html, chinese("Planned")) == {"zh-hans"}
    # "Source: <article>": the sentence is Chinese, the article's title inside it English.
    title = NewsArticle.objects.get().title
    assert f'来源：<span lang="en">{escape(title)}</span>' in html
    assert languages_of(html, "来源：") == {"zh-hans"}
    assert languages_of(html, title) == {"en"}


def test_the_partnership_page_marks_agreements_people_fields_and_universities(
    client, imported_in_english_only
):
    html = page(client, reverse("partnership:overview"), CHINESE)
    for agreement in Agreement.objects.all():
        assert languages_of(html, agreement.title) == {"en"}
        for point in agreement.points.all():
            assert languages_of(html, point.text[1:]) == {"en"}  # shown with a capital first
    participant = CeremonyParticipant.objects.select_related("person").first()
    assert languages_of(html, participant.person.name) == {"en"}
    assert languages_of(html, participant.person.role) == {"en"}
    with translation.override("zh-hans"):
        part = participant.get_part_display().lower()
    assert languages_of(html, part) == {"zh-hans"}  # "signed", "hosted": UI, in Chinese
    assert languages_of(html, ResearchField.objects.first().name[1:]) == {"en"}
    university = Organisation.objects.filter(kind=OrganisationKind.PARTNER_UNIVERSITY).first()
    assert languages_of(html, university.name) == {"en"}
    assert languages_of(html, chinese("Agreements")) == {"zh-hans"}


def test_home_and_institute_mark_key_figures_news_milestones_and_people(
    client, imported_in_english_only
):
    home = page(client, reverse("home"), CHINESE)
    figure = KeyFigure.objects.first()
    assert languages_of(home, figure.label) == {"en"}
    assert languages_of(home, NewsArticle.objects.get().title) == {"en"}
    institute = page(client, reverse("partnership:institute"), CHINESE)
    joint_institute = Organisation.objects.get(kind=OrganisationKind.JOINT_INSTITUTE)
    assert languages_of(institute, joint_institute.name) == {"en"}
    person = Person.objects.filter(organisation=joint_institute).first()
    assert languages_of(institute, person.name) == {"en"}
    assert languages_of(institute, chinese("People")) == {"zh-hans"}


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "partnership:news_list",
        "partnership:overview",
        "partnership:timeline",
        "partnership:institute",
    ],
)
def test_english_pages_carry_no_redundant_lang(client, imported, name):
    assert lang_marks(page(client, reverse(name), ENGLISH)) == []


def test_the_english_news_article_carries_no_redundant_lang(client, imported):
    html = page(client, NewsArticle.objects.get().get_absolute_url(), ENGLISH)
    assert lang_marks(html) == []
    assert languages_of(html, NewsArticle.objects.get().title) == {"en"}  # from <html lang>
