import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import strip_tags

from core.languages import address_in_language
from partnership.models import ArticleBlock, Milestone, NewsArticle
from programs.models import Program
from tests.factories import IntakeFactory
from tests.partnership.factories import (
    FigureBlockFactory,
    MilestoneFactory,
    NewsArticleFactory,
    ParagraphFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "home",
    "partnership:news_list",
    "partnership:overview",
    "partnership:timeline",
    "partnership:institute",
]


def visible_text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", unescape(strip_tags(response.content.decode())))


def site_text(client):
    """The text of every page reachable from home by the partnership links, joined."""
    home = client.get(reverse("home"))
    pages = [home]
    for name in PUBLIC_PAGES[1:]:
        assert f'href="{reverse(name)}"' in home.content.decode(), f"home does not link {name}"
        pages.append(client.get(reverse(name)))
    article = NewsArticle.objects.get()
    assert f'href="{article.get_absolute_url()}"' in home.content.decode()
    pages.append(client.get(article.get_absolute_url()))
    return " ".join(visible_text(page) for page in pages)


DOCUMENT_FACTS = [
    # names and roles
    "Wu Zhaohui, President of Zhejiang University and the member of the Chinese Academy of "
    "Sciences",
    "Daniel Zhang, Chairman and CEO of Alibaba Group",
    "Luo Weidong, Vice President of Zhejiang University",
    "Hua Xiansheng, the senior machine intelligence researcher of Alibaba DAMO Academy",
    "Wang Lizhong, Vice President of Zhejiang University — signed on behalf of the parties",
    "Zhang Jianfeng, President of Alibaba DAMO Academy and President of Alibaba Cloud Intelligence",
    "Liu Xiangwen, the general manager of Marketing and Public Affairs Department at Alibaba Cloud "
    "Intelligence — hosted the ceremony",
    "Bu Jiajun, Executive Vice-President of the School of Software Technology; deputy director",
    # dates
    "27 March 2020",
    "May 2017",
    "April 2017",
    "July 2019",
    "October 2019",
    "November 2019",
    "December 2019",
    "Xixi Park of Alibaba Group",
    # numbers
    "11 Alibaba senior technical experts are part-time PhD supervisors",
    "~50 postgraduate students",
    "30+ fresh graduates join Alibaba Group every year",
    "2 + 11 weeks of ZIERIP",
    "(2 weeks of study, 11 weeks of internship)",
    # universities
    "Stanford University",
    "Massachusetts Institute of Technology (MIT)",
    "Harvard University",
    "University of Cambridge",
    "National University of Singapore (NUS)",
    # fields
    "Smart ocean",
    "Microelectronics",
    "Public health and medical care",
    "New economic models",
    "The forefront of the basics",
    "5G-based Internet of things",
    "Industrial Internet",
    "The Internet of Vehicles",
    "UHDV",
    # principles and commitments
    "Offering mutual benefits",
    "Drawing on each other’s strengths",
    "The joint construction of digital talent training and certification system",
    # programs
    "International Graduate Summer School",
    "Alibaba Young Fellow Camp for Engineering Postgraduates",
    "PhD Program of Intelligent Internet Technology",
    "Summer Camp of the School of Software Technology",
    "Zhejiang University-Alibaba Joint Training Base for Innovative Talents",
    "National Model Joint Training Base for Engineering Postgraduates",
    "Alibaba-Zhejiang University Joint Institute of Frontier Technologies",
    "Ministry of Education of Zhejiang Province",
]


def test_the_document_facts_are_readable_on_pages_linked_from_home(imported, client):
    text = site_text(client)
    missing = [fact for fact in DOCUMENT_FACTS if fact not in text]
    assert missing == []


def test_every_paragraph_and_caption_of_the_document_is_on_the_article_page(imported, client):
    from tests.conftest import DOCUMENT

    article = NewsArticle.objects.get()
    text = visible_text(client.get(article.get_absolute_url()))
    for line in DOCUMENT.read_text().splitlines()[1:]:
        assert line.strip() in text


def test_timeline_lists_milestones_in_date_order_with_the_planned_one_last(imported, client):
    text = visible_text(client.get(reverse("partnership:timeline")))
    order = [
        "April 2017",
        "May 2017",
        "July 2019",
        "October 2019",
        "November 2019",
        "December 2019",
        "27 March 2020",
        "Application for a National Model Joint Training Base for Engineering Postgraduates",
    ]
    positions = [text.index(label) for label in order]
    assert positions == sorted(positions)


def test_milestones_link_to_their_source_paragraph(imported, client):
    milestone = Milestone.objects.get(happened_on="2019-07-01")
    html = client.get(reverse("partnership:timeline")).content.decode()
    anchor = milestone.source_block.get_absolute_url()
    assert f'href="{anchor}"' in html
    article_html = client.get(milestone.source_block.article.get_absolute_url()).content.decode()
    assert f'id="{milestone.source_block.anchor}"' in article_html


def test_article_shows_captioned_placeholders_and_share_meta(imported, client):
    article = NewsArticle.objects.get()
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('class="figure-placeholder rounded"') == 5
    assert html.count("<figcaption") == 5
    assert "Photo to be added" in html
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<meta property="article:published_time" content="2020-03-27">' in html
    assert "style=" not in html and "<script>" not in html


def test_article_links_previous_and_next(client):
    older, middle, newer = NewsArticleFactory.create_batch(3)
    html = client.get(middle.get_absolute_url()).content.decode()
    assert f'href="{older.get_absolute_url()}" rel="prev"' in html
    assert f'href="{newer.get_absolute_url()}" rel="next"' in html


def test_unpublished_articles_are_not_shown(client):
    draft = NewsArticleFactory(is_published=False, title="Secret draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Secret draft" not in client.get(reverse("partnership:news_list")).content.decode()
    assert "Secret draft" not in client.get(reverse("partnership:news_feed")).content.decode()


def test_news_list_is_paginated_newest_first(client):
    articles = NewsArticleFactory.create_batch(12)
    first = client.get(reverse("partnership:news_list")).content.decode()
    second = client.get(reverse("partnership:news_list") + "?page=2").content.decode()
    assert articles[-1].title in first and articles[0].title not in first
    assert articles[0].title in second and "Page 2 of 2" in second


@pytest.mark.parametrize("page", ["0", "3", "-1", "abc", "1.5", "9" * 30, "%00"])
def test_bad_page_numbers_are_not_found_never_a_server_error(client, page):
    NewsArticleFactory.create_batch(12)
    response = client.get(reverse("partnership:news_list") + f"?page={page}")
    assert response.status_code == 404


def test_unknown_article_is_not_found(client):
    assert client.get("/en/news/no-such-story/").status_code == 404


def test_institute_page_is_not_found_before_the_import(client):
    assert client.get(reverse("partnership:institute")).status_code == 404


def test_atom_feed_lists_the_news(imported, client):
    response = client.get(reverse("partnership:news_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    article = NewsArticle.objects.get()
    assert f"http://testserver{article.get_absolute_url()}" in body
    assert "Joins Hands with Alibaba Group" in body


def test_sitemap_covers_every_public_page_and_article(imported, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for name in PUBLIC_PAGES:
        assert f"<loc>http://testserver{reverse(name)}</loc>" in body
    assert NewsArticle.objects.get().get_absolute_url() in body


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.fixture
def lots_of_content(imported):
    NewsArticle.objects.bulk_create(
        [
            NewsArticle(title=f"Story {n}", slug=f"story-{n}", published_on="2019-01-01")
            for n in range(200)
        ]
    )
    Milestone.objects.bulk_create(
        [Milestone(happened_on="2018-01-01", title=f"Step {n}", text="…") for n in range(500)]
    )
    article = NewsArticle.objects.get(slug="story-100")
    FigureBlockFactory.create_batch(3, article=article)
    ParagraphFactory.create_batch(3, article=article)
    MilestoneFactory.create_batch(3, source_block=article.blocks.first())
    # Every imported program open for applications, so the home page lists them all.
    for program in Program.objects.all():
        IntakeFactory.create_batch(2, program=program)


@pytest.mark.parametrize(
    ("url", "max_queries"),
    [
        # Each page kept by the page cache (all but the feed and the sitemap) adds one: the
        # next intake status change, until which it may be kept.
        ("/en/", 6),  # 4 for the partnership content, 1 for {% open_programs %}
        ("/en/news/", 3),
        ("/en/news/?page=7", 3),
        ("/en/news/story-100/", 5),
        ("/en/partnership/", 7),
        ("/en/partnership/timeline/", 2),
        ("/en/partnership/institute/", 5),
        ("/en/news/feed/", 1),
        ("/sitemap.xml", 4),  # a count and a page each for news and programs
    ],
)
def test_public_pages_run_a_fixed_number_of_queries(
    lots_of_content, client, django_assert_max_num_queries, url, max_queries
):
    with django_assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200


def test_two_blocks_of_an_article_cannot_share_a_position(client):
    # The position is the block's fragment id on the page: ids must be unique.
    first = ParagraphFactory(position=3)
    twin = ArticleBlock(article=first.article, position=3, kind="paragraph", text="Again.")
    with pytest.raises(ValidationError, match="Article and Position already exists"):
        twin.full_clean()
    ParagraphFactory(article=first.article, position=4)
    html = client.get(first.article.get_absolute_url()).content.decode()
    assert html.count('id="p-3"') == 1 and html.count('id="p-4"') == 1


def test_the_news_feed_declares_the_language_its_entries_are_in(imported, client):
    body = client.get(
        address_in_language(reverse("partnership:news_feed"), "zh-hans")
    ).content.decode()
    assert 'xml:lang="en"' in body


@pytest.mark.parametrize(
    ("language", "fields", "run", "shown"),
    [
        ("en", {"description": "word " * 200}, r"(?:word ?)+", range(120, 121)),
        ("zh-hans", {"description_zh_hans": "甲" * 500}, r"甲+", range(230, 241)),
    ],
)
def test_long_program_descriptions_are_shortened_in_either_language(
    imported, client, language, fields, run, shown
):
    """120 words, or for Chinese (no spaces between words) about 240 characters."""
    Program.objects.filter(slug="zierip").update(**fields)
    html = client.get(
        address_in_language(reverse("partnership:overview"), language)
    ).content.decode()
    [text] = re.findall(run, html)
    assert (len(text.split()) if language == "en" else len(text)) in shown
