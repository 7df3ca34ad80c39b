"""Partnership content in both languages: each shown in its own, the other where one is missing."""

import pytest
from django.urls import reverse

from tests.factories import StaffFactory
from tests.partnership.factories import MilestoneFactory, NewsArticleFactory, ParagraphFactory
from tests.text_language import CHINESE, ENGLISH, languages_of, page

pytestmark = pytest.mark.django_db


def test_a_translated_article_reads_chinese_on_the_chinese_page_and_english_on_the_english(client):
    article = NewsArticleFactory(title="Joint institute opens", title_zh_hans="联合研究中心成立")
    ParagraphFactory(article=article, text="The institute opened.", text_zh_hans="研究中心成立了。")
    chinese = page(client, article.get_absolute_url(), CHINESE)
    assert languages_of(chinese, "联合研究中心成立") == {"zh-hans"}  # no redundant lang
    assert languages_of(chinese, "研究中心成立了。") == {"zh-hans"}
    assert "Joint institute opens" not in chinese
    english = page(client, article.get_absolute_url(), ENGLISH)
    assert languages_of(english, "Joint institute opens") == {"en"}
    assert "联合研究中心成立" not in english


def test_a_missing_translation_falls_back_to_the_other_language_marked_with_its_lang(client):
    MilestoneFactory(title="Agreement signed", text="Both parties signed.")
    MilestoneFactory(
        title_en="", title_zh_hans="只有中文", text_en="", text_zh_hans="只有中文的说明。"
    )
    timeline = reverse("partnership:timeline")
    chinese = page(client, timeline, CHINESE)
    assert languages_of(chinese, "Agreement signed") == {"en"}
    assert languages_of(chinese, "只有中文") == {"zh-hans"}
    english = page(client, timeline, ENGLISH)
    assert languages_of(english, "只有中文的说明。") == {"zh-hans"}
    assert languages_of(english, "Agreement signed") == {"en"}


def test_staff_edit_both_languages_of_an_article_side_by_side(client):
    article = NewsArticleFactory()
    client.force_login(StaffFactory())
    html = client.get(reverse("admin:partnership_newsarticle_change", args=[article.pk])).text
    for field in ("title", "summary"):
        assert f'name="{field}_en"' in html and f'name="{field}_zh_hans"' in html
    assert 'name="blocks-0-text_zh_hans"' in html or 'name="blocks-__prefix__-text_zh_hans"' in html


def test_a_chinese_edit_in_admin_shows_on_the_next_request(client):
    article = NewsArticleFactory(title="Joint institute opens", slug="institute")
    client.force_login(StaffFactory())
    change = reverse("admin:partnership_newsarticle_change", args=[article.pk])
    response = client.post(
        change,
        {
            "title_en": "Joint institute opens",
            "title_zh_hans": "联合研究中心成立",
            "slug": "institute",
            "published_on": "2020-03-27",
            "summary_en": "",
            "summary_zh_hans": "",
            "is_published": "on",
            "blocks-TOTAL_FORMS": "0",
            "blocks-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors
    assert "联合研究中心成立" in page(client, article.get_absolute_url(), CHINESE)
