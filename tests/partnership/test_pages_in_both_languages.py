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
    "home": (
        ["11", "~50", "30+", "2 + 11"],
        ["Programs", "Alibaba senior technical experts are part-time PhD supervisors"],
        ["项目", "位阿里巴巴资深技术专家担任浙江大学兼职博士生导师"],
    ),
    # Agreements, people, research fields and partner universities.
    "partnership:overview": (
        [],
        [
            "27 March 2020",
            "Harvard University",
            "Alibaba-Zhejiang University Joint Institute of Frontier Technologies",
            "Wu Zhaohui",
            "Smart ocean",
            "Offering mutual benefits",
        ],
        [
            "2020年3月27日",
            "哈佛大学",
            "斯坦福大学",
            "阿里巴巴-浙江大学前沿技术联合研究中心",
            "吴朝晖",
            "浙江大学校长、中国科学院院士",
            "智慧海洋",
            "互惠互利",
            "阿里巴巴西溪园区",
        ],
    ),
    "partnership:timeline": (
        ["2019"],
        ["April 2017", "27 March 2020", "Joint Institute of Frontier Technologies founded"],
        ["2017年4月", "2020年3月27日", "前沿技术联合研究中心成立"],
    ),
    "partnership:institute": (
        [],
        ["Alibaba-Zhejiang University Joint Institute of Frontier Technologies", "Bu Jiajun"],
        ["阿里巴巴-浙江大学前沿技术联合研究中心", "卜佳俊"],
    ),
    "partnership:news_list": ([], ["Alibaba Group"], ["阿里巴巴集团"]),
    "programs:catalog": (
        ["ZIERIP"],
        ["International Graduate Summer School"],
        ["国际研究生暑期学校", "浙江大学国际软件工程产学研项目"],
    ),
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


NEWS_FACTS = {
    "/en": ["Wu Zhaohui", "Daniel Zhang", "Xixi Park", "April 2017", "11 Alibaba’s", "Stanford"],
    "/zh-hans": ["吴朝晖", "张勇", "阿里巴巴西溪园区", "2017年4月", "11位", "斯坦福大学"],
}


@pytest.mark.parametrize("prefix", NEWS_FACTS)
def test_the_news_article_has_its_facts_at_both_addresses(imported, client, prefix):
    path = NewsArticle.objects.get().get_absolute_url().removeprefix("/en")
    text = visible_text(client.get(prefix + path))
    missing = [fact for fact in NEWS_FACTS[prefix] if fact not in text]
    assert missing == [], (prefix, missing)


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        ("en", ["2 weeks", "11 weeks", "Stanford University"]),
        ("zh-hans", ["浙江大学国际软件工程产学研项目（ZIERIP）", "斯坦福大学", "学习2周"]),
    ],
)
def test_a_program_page_has_its_facts_in_each_language(imported, client, language, facts):
    with translation.override(language):
        url = reverse("programs:detail", kwargs={"slug": "zierip"})
    text = visible_text(client.get(url))
    missing = [fact for fact in facts if fact not in text]
    assert missing == [], (language, missing)
