"""Every public page has a Chinese address that answers in Chinese, showing the document's facts
in both languages (numbers, names, years; dates written each language's way)."""

import pytest
from django.urls import reverse
from django.utils import translation

from partnership.models import NewsArticle
from tests.partnership.test_partnership_pages import visible_text

pytestmark = pytest.mark.django_db

# url name: (facts on both pages, on the English page only, on the Chinese page only)
FACTS = {
    "home": (["11", "~50", "30+", "2 + 11"], ["Programs"], ["项目"]),
    "partnership:overview": (
        [
            "Harvard University",
            "Alibaba-Zhejiang University Joint Institute of Frontier Technologies",
        ],
        ["27 March 2020"],
        ["2020年3月27日"],
    ),
    "partnership:timeline": (
        ["2019"],
        ["April 2017", "27 March 2020"],
        ["2017年4月", "2020年3月27日"],
    ),
    "partnership:institute": (
        ["Alibaba-Zhejiang University Joint Institute of Frontier Technologies"],
        [],
        [],
    ),
    "partnership:news_list": (["Alibaba Group"], [], []),
    "programs:catalog": (["ZIERIP"], [], []),
}


def url_in(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("name", FACTS)
def test_a_public_page_answers_in_each_language_with_the_documents_facts(imported, client, name):
    both, english_only, chinese_only = FACTS[name]
    for language, only in (("en", english_only), ("zh-hans", chinese_only)):
        response = client.get(url_in(name, language))
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.text
        text = visible_text(response)
        missing = [fact for fact in both + only if fact not in text]
        assert missing == [], (language, missing)


def test_the_news_article_has_its_facts_at_both_addresses(imported, client):
    path = NewsArticle.objects.get().get_absolute_url().removeprefix("/en")
    for prefix in ("/en", "/zh-hans"):
        text = visible_text(client.get(prefix + path))
        for fact in ["Wu Zhaohui", "Daniel Zhang", "Xixi Park", "2020"]:
            assert fact in text, (prefix, fact)
