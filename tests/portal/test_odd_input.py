"""No page answers 500 to odd query strings or form data, and none echoes a payload unescaped."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from applications.models import Application
from tests.factories import StaffFactory
from tests.page_inventory import PAGES
from tests.page_visits import (
    APPLICATION_LIST,
    FORMS_WITH_ERRORS,
    application_list_of_one_intake,
    assign_reviewer_form,
    page_params,
    url_for,
    user_for,
    visit,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'

QUERY_STRINGS = {
    "very long value": "q=" + "a" * 20_000,
    "very many fields": "&".join(f"f{n}=1" for n in range(2_000)),
    "non-UTF-8 percent-encoding": "q=%ff%fe%c3%28&%ff=%fe&page=%80",
    "truncated percent-encoding": "q=%&page=%2&next=%",
    "NUL byte": "q=%00&next=%00",
    "SQL": "q=%27%20OR%20%271%27%3D%271&id=1%3B%20DROP%20TABLE%20accounts_user%3B--",
    "script": "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&next=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "attribute breakout": "q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
    "&next=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "page -1": "page=-1",
    "page abc": "page=abc",
    "page huge": "page=99999999999999999999999999",
    "repeated keys": "page=1&page=2&q=a&q=b",
    "odd sort and filters": "sort=-__class__&ordering=password&status=%27&lang=..%2F..%2Fetc",
    "next to another site": "next=https%3A%2F%2Fevil.example%2F&next=%2F%2Fevil.example",
}


def _assert_safe(response, label):
    assert response.status_code < 500, f"{label}: {response.status_code}"
    if response.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode(errors="replace")
        assert SCRIPT not in html, f"{label}: <script> payload echoed unescaped"
        assert ATTRIBUTE not in html, f"{label}: attribute payload echoed unescaped"
    location = response.get("Location", "")
    assert "evil.example" not in location, f"{label}: redirects off-site to {location}"


@pytest.mark.parametrize("page", page_params(PAGES))
def test_odd_query_strings_never_break_or_echo(client, page):
    url = visit(client, page).split("?")[0]
    for label, query in QUERY_STRINGS.items():
        _assert_safe(client.get(url, QUERY_STRING=query), f"{page.label} ?{label}")


@pytest.mark.parametrize("url", ["/admin/", "/admin/accounts/user/", "/admin/login/"])
def test_odd_query_strings_never_break_the_admin(client, url):
    client.force_login(StaffFactory())
    odd_admin = {"o": "abc", "p": "-1", "all": "", "q": SCRIPT, "is_staff__exact": "x' OR 1=1"}
    for label, query in {
        **QUERY_STRINGS,
        **{f"admin {k}": f"{k}={v}" for k, v in odd_admin.items()},
    }.items():
        _assert_safe(client.get(url, QUERY_STRING=query), f"{url} ?{label}")


ODD_LOGIN_FORMS = {
    "empty": {},
    "very long": {"username": "a" * 100_000 + "@example.org", "password": "p" * 100_000},
    "script": {"username": SCRIPT, "password": SCRIPT, "next": SCRIPT},
    "attribute breakout": {"username": ATTRIBUTE, "password": "x", "next": ATTRIBUTE},
    "SQL": {"username": "' OR '1'='1' --", "password": "' OR '1'='1"},
    "NUL byte": {"username": "a\x00b@example.org", "password": "\x00"},
    "lists": {"username": ["a@example.org", "b@example.org"], "password": ["x", "y"]},
    "off-site next": {"username": "a@example.org", "password": "x", "next": "//evil.example/"},
}


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/admin/login/"])
def test_odd_login_forms_get_the_form_back(client, url):
    for label, data in ODD_LOGIN_FORMS.items():
        response = client.post(url, data)
        _assert_safe(response, f"{url} {label}")
        assert response.status_code == 200, label  # the form again, with its error


ODD_VALUES = {
    "script": SCRIPT,
    "attribute breakout": ATTRIBUTE,
    "very long": "a" * 100_000,
    "NUL byte": "a\x00b",
    "SQL": "' OR '1'='1' --",
    "percent-encoded junk": "%ff%fe%c3%28",
    "emoji and RTL": "\U0001f600\u202eevil",
    "lists": ["a", "b"],
}


class _FieldNames(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names = set()
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_main = self.in_main or tag == "main"
        if self.in_main and tag in {"input", "select", "textarea"} and attrs.get("name"):
            self.names.add(attrs["name"])


def form_fields(html):
    """The names of the fields of the page's own forms (inside <main>)."""
    parser = _FieldNames()
    parser.feed(html)
    return parser.names - {"csrfmiddlewaretoken"}


@pytest.mark.parametrize(
    "state", [pytest.param(state, id=state.page.label) for state in FORMS_WITH_ERRORS]
)
def test_odd_form_data_never_breaks_or_echoes(client, state):
    shown = client.get(visit(client, state.page), follow=state.page.follow)
    url = shown.request["PATH_INFO"]
    fields = form_fields(shown.content.decode())
    assert fields or not state.data, f"{state.label}: no form fields found"
    for label, value in ODD_VALUES.items():
        response = client.post(url, dict.fromkeys(fields | {"unexpected"}, value))
        _assert_safe(response, f"{state.label} {label}")


def test_odd_staff_posts_never_break_or_echo(client):
    """The assign-reviewer action's form and the decision buttons, which have no page of
    their own in the inventory."""
    manager = user_for(APPLICATION_LIST)
    client.force_login(manager)
    application_list_of_one_intake(manager)
    changelist = url_for(APPLICATION_LIST)
    shortlisted = Application.objects.filter(state="shortlisted").first()
    decide = reverse("admin:applications_application_decide", args=[shortlisted.pk])
    for label, value in {**ODD_VALUES, "off-site": "https://evil.example/"}.items():
        assign = assign_reviewer_form(apply="Assign", reviewer=value)
        _assert_safe(client.post(changelist, assign), f"assign a reviewer {label}")
        selection = {**assign_reviewer_form(), "_selected_action": value, "select_across": value}
        _assert_safe(client.post(changelist, selection), f"assign a reviewer, selection {label}")
        _assert_safe(client.post(decide, {"decision": value, "next": value}), f"decide {label}")
    shortlisted.refresh_from_db()
    assert shortlisted.state == "shortlisted"  # no odd decision went through


def test_odd_language_switches_fall_back_safely(client):
    for data in (
        {"language": SCRIPT, "next": SCRIPT},
        {"language": "zh-hans", "next": "https://evil.example/"},
        {"language": "x" * 10_000, "next": "/" + "a" * 10_000},
        {"language": "\x00", "next": "\x00"},
    ):
        for response in (client.post("/i18n/setlang/", data), client.get("/i18n/setlang/", data)):
            _assert_safe(response, f"set_language {data!r:.40}")
            assert response.status_code == 301, data
            assert response["Location"].startswith(("/en/", "/zh-hans/")), data


def test_non_utf8_form_body_is_refused_or_handled(client):
    response = client.post(
        "/en/accounts/login/",
        data=b"username=%ff%fe&password=%c3%28",
        content_type="application/x-www-form-urlencoded",
    )
    _assert_safe(response, "login with non-UTF-8 body")
