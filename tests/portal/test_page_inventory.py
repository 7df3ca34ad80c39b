"""Every named URL is in tests.page_inventory, and each page answers as listed there."""

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path
from django.views.generic import RedirectView

from portal.views import healthz
from tests.page_inventory import EXCLUDED, PAGES, STUDENT, Page, named_urls
from tests.page_visits import page_params, visit

pytestmark = pytest.mark.django_db


def test_every_named_url_has_an_inventory_entry():
    listed = {page.name for page in PAGES} | {excluded.name for excluded in EXCLUDED}
    missing = sorted(set(named_urls()) - listed)
    assert not missing, (
        "Named URLs missing from tests/page_inventory.py (add a Page(...) so the quality "
        f"gates visit them, or an Excluded(name, reason)): {', '.join(missing)}"
    )


def test_inventory_lists_no_url_that_does_not_exist():
    existing = set(named_urls())
    stale = sorted(
        {page.name for page in PAGES if page.name} | {excluded.name for excluded in EXCLUDED}
    )
    assert [name for name in stale if name not in existing] == []


def test_exclusions_say_why():
    assert all(len(excluded.reason) > 10 for excluded in EXCLUDED)


def _ok(request, **kwargs):
    return HttpResponse("ok")


_nested = ([path("<slug:slug>/", _ok, name="detail")], "items")
_app = ([path("", _ok, name="index"), path("items/", include(_nested))], "shop")
urlpatterns = [
    path("plain/", _ok, name="plain"),
    path("shop/", include(_app)),
    path("unnamed/", _ok),
]


@override_settings(ROOT_URLCONF=__name__)
def test_the_walk_finds_nested_namespaces_and_skips_unnamed_urls():
    assert sorted(named_urls()) == ["plain", "shop:index", "shop:items:detail"]


def test_the_walk_keeps_of_an_admin_only_the_views_whose_code_is_ours():
    django_view = RedirectView.as_view(url="/")  # as_view() keeps the class's module
    admin = [path("", django_view, name="index"), path("ours/", healthz, name="ours")]
    patterns = [
        path("plain/", django_view, name="plain"),
        path("admin/", include((admin, "admin"))),
    ]
    assert sorted(named_urls(patterns)) == ["admin:ours", "plain"]


def test_the_walk_finds_our_admin_pages_and_skips_the_rest_of_the_admin():
    names = set(named_urls())
    assert {"home", "login", "logout", "set_language"} <= names
    # Views the staff workflow adds to the application admin, through admin_view(), and the
    # change and list views it overrides.
    assert {
        "admin:selection_intake_dashboard",
        "admin:applications_application_review",
        "admin:applications_application_change",
        "admin:applications_application_changelist",
    } <= names
    # Django's own views, also of our models, are Django's markup.
    for name in ["admin:index", "admin:login", "admin:programs_intake_changelist"]:
        assert name not in names


@pytest.mark.parametrize("page", page_params(PAGES))
def test_page_answers_as_listed(client, page):
    response = client.get(visit(client, page), follow=page.follow)
    assert response.status_code == page.status
    if page.follow:
        assert len(response.redirect_chain) == 1, response.redirect_chain
    assert response["Content-Type"].split(";")[0] == page.content


@pytest.mark.parametrize("page", page_params([page for page in PAGES if page.login]))
def test_login_pages_send_anonymous_visitors_to_the_login(client, page):
    url = visit(client, page)
    client.logout()
    response = client.get(url)
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        login = "/admin/login/" if page.name.startswith("admin:") else "/en/accounts/login/"
        assert response["Location"].startswith(login)


def build_item_kwargs(user):
    """A kwargs builder as an inventory entry names it: gets the user, returns URL kwargs."""
    return {"slug": f"for-{user.pk}"}


@override_settings(ROOT_URLCONF=__name__)
def test_a_dotted_kwargs_builder_gets_the_logged_in_user(client):
    entry = Page(
        "shop:items:detail",
        kwargs="tests.portal.test_page_inventory.build_item_kwargs",
        login=STUDENT,
        query="page=2",
    )
    url = visit(client, entry)
    student = client.get(url).wsgi_request.user
    assert student.is_authenticated and student.profile.university
    assert url == f"/shop/items/for-{student.pk}/?page=2"
