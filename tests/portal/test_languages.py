"""Each page has one address per language; old addresses and the first visit to "/" choose."""

import re

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import ProgramFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

CHINESE_BROWSER = {"accept-language": "zh-CN,zh;q=0.9,en;q=0.5"}


@pytest.mark.parametrize(
    ("old", "headers", "cookies", "new"),
    [
        ("/news/", {}, {}, "/en/news/"),
        ("/news/", CHINESE_BROWSER, {}, "/zh-hans/news/"),
        # A visitor who chose Chinese with the old switcher keeps it.
        (
            "/partnership/timeline/",
            {},
            {"django_language": "zh-hans"},
            "/zh-hans/partnership/timeline/",
        ),
        ("/programs/?status=open", {}, {}, "/en/programs/?status=open"),
        ("/accounts/login/?next=/applications/", {}, {}, "/en/accounts/login/?next=/applications/"),
    ],
)
def test_old_addresses_redirect_permanently_to_the_new_one(client, old, headers, cookies, new):
    client.cookies.load(cookies)
    response = client.get(old, headers=headers)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_address_that_never_existed_is_still_a_404(client):
    assert client.get("/no-such-page/").status_code == 404


@pytest.mark.parametrize(
    ("headers", "home"),
    [({}, "/en/"), (CHINESE_BROWSER, "/zh-hans/"), ({"accept-language": "fr"}, "/en/")],
)
def test_the_first_visit_to_the_root_picks_the_language_of_the_browser(client, headers, home):
    response = client.get("/", headers=headers)
    assert response.status_code == 302  # a choice per visitor, not a move
    assert response["Location"] == home
    assert {"Accept-Language", "Cookie"} <= set(re.split(r",\s*", response["Vary"]))


def test_after_that_the_address_decides(client):
    english = client.get("/en/news/", headers=CHINESE_BROWSER)
    assert '<html lang="en">' in english.text
    chinese = client.get("/zh-hans/news/", headers={"accept-language": "en"})
    assert '<html lang="zh-hans">' in chinese.text
    assert "Accept-Language" not in chinese.get("Vary", "")


@pytest.mark.parametrize(
    ("data", "new"),
    [
        ({"language": "zh-hans", "next": "/programs/?kind=camp"}, "/zh-hans/programs/?kind=camp"),
        ({"language": "en", "next": "/zh-hans/news/"}, "/en/news/"),
        ({"language": "zh-hans", "next": "/no-such-page/"}, "/zh-hans/"),
    ],
)
def test_the_old_switcher_address_redirects_to_the_page_in_the_chosen_language(client, data, new):
    for response in (client.post("/i18n/setlang/", data), client.get("/i18n/setlang/", data)):
        assert response.status_code == 301
        assert response["Location"] == new


def test_the_switcher_is_a_plain_link_to_the_same_page_in_the_other_language(client):
    program = ProgramFactory(slug="zierip")
    # A campaign's parameter shows the same page: the links name the page without it.
    english = client.get("/en/programs/zierip/?utm_source=wechat").text
    assert program.title in english
    link = re.search(
        r'<a class="nav-link language-switcher" href="([^"]+)" hreflang="zh-hans"', english
    )
    assert link and link.group(1) == "/zh-hans/programs/zierip/"
    assert 'name="csrfmiddlewaretoken"' not in english  # no form for anonymous visitors
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/programs/zierip/">' in (
        english
    )
    chinese = client.get(link.group(1)).text
    assert 'href="/en/programs/zierip/" hreflang="en" lang="en">English<' in chinese


def test_the_switcher_and_alternates_keep_the_parameters_that_pick_the_page(client):
    ProgramFactory(slug="zierip")
    english = client.get("/en/programs/?kind=camp&utm_source=wechat&page=1").text
    assert 'href="/zh-hans/programs/?kind=camp&amp;page=1" hreflang="zh-hans"' in english
    for language, prefix in (("en", "/en"), ("zh-hans", "/zh-hans"), ("x-default", "")):
        assert (
            f'<link rel="alternate" hreflang="{language}" '
            f'href="http://testserver{prefix}/programs/?kind=camp&amp;page=1">'
        ) in english
    # Where the login page sends the visitor on stays, in either language.
    login = client.get("/en/accounts/login/?next=/en/applications/").text
    assert 'href="/zh-hans/accounts/login/?next=%2Fen%2Fapplications%2F" hreflang="zh-hans"' in (
        login
    )


def test_an_anonymous_page_sets_no_language_cookie(client):
    for url in ("/en/", "/zh-hans/", "/zh-hans/partnership/"):
        response = client.get(url)
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies, url


@pytest.mark.parametrize("url", ["/en/news/", "/zh-hans/news/", "/en/privacy/"])
def test_every_public_page_names_its_alternates(client, url):
    html = client.get(url).text
    path = url.removeprefix("/en").removeprefix("/zh-hans")
    assert f'<link rel="alternate" hreflang="en" href="http://testserver/en{path}">' in html
    assert (
        f'<link rel="alternate" hreflang="zh-hans" href="http://testserver/zh-hans{path}">' in html
    )
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{path}">' in html


def test_the_sitemap_lists_each_page_in_both_languages_with_alternates(client):
    ProgramFactory(slug="zierip")
    xml = client.get("/sitemap.xml").text
    for language in ("en", "zh-hans"):
        assert f"<loc>http://testserver/{language}/programs/zierip/</loc>" in xml
        assert (
            f'<xhtml:link rel="alternate" hreflang="{language}" '
            f'href="http://testserver/{language}/programs/zierip/"/>'
        ) in xml
    # x-default: the address without a language, which sends each visitor to theirs.
    assert 'hreflang="x-default" href="http://testserver/programs/zierip/"' in xml


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt", "/healthz", "/admin/login/"])
def test_machines_files_and_the_admin_keep_one_address(client, url):
    assert client.get(url).status_code == 200


def test_robots_keeps_crawlers_out_of_the_accounts_in_every_language(client):
    robots = client.get("/robots.txt").text
    assert "Disallow: /en/accounts/" in robots and "Disallow: /zh-hans/accounts/" in robots


def test_a_password_reset_email_links_to_the_page_in_the_users_language(client, after_commit):
    UserFactory(email="wei@example.org", language="zh-hans")
    with after_commit():  # account emails are queued, and go once the request commits
        client.post("/en/accounts/password/reset/", {"email": "wei@example.org"})
    [email] = mail.outbox
    assert "http://testserver/zh-hans/accounts/password/reset/" in email.body


@pytest.mark.parametrize(
    ("language", "browser", "expected", "unexpected"),
    [
        ("zh-hans", {}, "站点管理", "Site administration"),
        ("en", CHINESE_BROWSER, "Site administration", "站点管理"),
    ],
)
def test_the_admin_speaks_the_language_its_user_chose_not_the_browsers(
    client, language, browser, expected, unexpected
):
    client.force_login(StaffFactory(language=language))

    response = client.get("/admin/", headers=browser)

    assert response.status_code == 200
    assert expected in response.text and unexpected not in response.text
    assert response.headers["Content-Language"] == language


def test_the_admin_login_page_follows_the_browser(client):
    response = client.get("/admin/login/", headers=CHINESE_BROWSER)

    assert response.headers["Content-Language"] == "zh-hans"
