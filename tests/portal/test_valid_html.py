"""Every HTML page of the inventory passes the Nu Html Checker (vnu.jar) with zero errors.

All pages go through ONE vnu run: Java starts in about a second, the checks take milliseconds.
"""

import json
import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import unquote, urlparse

import pytest
from django.test import Client, override_settings

from tests.factories import UserFactory
from tests.page_visits import (
    APPLICATION_LIST,
    FORMS_WITH_ERRORS,
    HTML_PAGES,
    VNU_JAR,
    action_form,
    application_list_of_one_intake,
    assert_shows_errors,
    assign_reviewer_form,
    client_post_data,
    require_vnu,
    url_for,
    user_for,
    visit,
)

pytestmark = pytest.mark.django_db

# A document with two known errors: proves the checker ran and that its errors reach us.
CANARY = "<!doctype html><html lang=en><title>canary</title><div><p>unclosed</div><blink>"


def _page_documents():
    """(label, html) for every HTML page of the inventory, in English and in Chinese, each
    seen by a fresh client."""
    for language in ("en", "zh-hans"):
        for page in HTML_PAGES:
            # The admin has one address for all languages: it follows its user's choice or,
            # on its login page, the browser's.
            client = Client(headers={"accept-language": language})
            response = client.get(visit(client, page, language), follow=page.follow)
            assert response.status_code == page.status, page.label
            assert f'<html lang="{language}"' in response.content.decode(), page.label
            yield f"{page.label} [{language}]", response.content.decode()


def _other_states():
    """States of pages the inventory does not reach with a plain GET."""
    client = Client()
    failed = client.post("/en/accounts/login/", {"username": "nobody@example.org", "password": "x"})
    yield "login with errors", failed.content.decode()

    user = UserFactory()
    for _ in range(5):
        locked = client.post("/en/accounts/login/", {"username": user.email, "password": "wrong"})
    assert locked.status_code == 429
    yield "lockout", locked.content.decode()

    for state in FORMS_WITH_ERRORS:
        client = Client()
        shown = client.get(visit(client, state.page), follow=state.page.follow)
        failed = client.post(shown.request["PATH_INFO"], client_post_data(state.data))
        assert failed.status_code in {200, 400}, state.label
        assert_shows_errors(failed.content.decode(), state.label)
        yield state.label, failed.content.decode()

    staff = Client()
    manager = user_for(APPLICATION_LIST)
    staff.force_login(manager)
    listed = staff.get(application_list_of_one_intake(manager))
    assert "seats are free in this intake" in listed.content.decode()
    yield "application list of one intake", listed.content.decode()
    changelist = url_for(APPLICATION_LIST)
    action = staff.post(changelist, assign_reviewer_form())
    assert action.templates[0].name == "selection/admin/assign_reviewer.html"
    yield "assign a reviewer", action.content.decode()
    refused = staff.post(changelist, assign_reviewer_form(apply="Assign", reviewer=""))
    assert_shows_errors(refused.content.decode(), "assign a reviewer with errors")
    yield "assign a reviewer with errors", refused.content.decode()
    mailing = staff.post(changelist, action_form("email_applicants"))
    assert mailing.templates[0].name == "selection/admin/email_applicants.html"
    yield "email selected applicants", mailing.content.decode()
    refused = staff.post(
        changelist, action_form("email_applicants", send="Send", subject="{nme}", body="")
    )
    assert_shows_errors(refused.content.decode(), "email selected applicants with errors")
    yield "email selected applicants with errors", refused.content.decode()

    # The 403, 500 and 503 pages need views that fail; test_base_layout has them.
    with override_settings(ROOT_URLCONF="tests.portal.test_base_layout"):
        failing = Client(raise_request_exception=False)
        yield "403 page", failing.get("/forbidden/").content.decode()
        yield "500 page", failing.get("/broken/").content.decode()
        yield "503 page", failing.get("/database-down/").content.decode()


def _slug(label):
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "page"


def test_every_html_page_is_valid_html(tmp_path):
    require_vnu()
    documents = {}
    for index, (label, html) in enumerate([*_page_documents(), *_other_states()]):
        documents[f"{index:03d}-{_slug(label)}.html"] = label
        (tmp_path / f"{index:03d}-{_slug(label)}.html").write_text(html, encoding="utf-8")
    (tmp_path / "canary.html").write_text(CANARY, encoding="utf-8")

    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", tmp_path],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = {}
    for message in messages:
        name = unquote(urlparse(message["url"]).path).rsplit("/", 1)[-1]
        errors.setdefault(name, []).append(message)

    canary = errors.pop("canary.html", [])
    assert len(canary) >= 2, f"vnu did not report the canary's errors: {result.stderr}"
    report = [
        f"{documents.get(name, name)} line {m.get('lastLine')}: {m['message']} "
        f"[{m.get('extract', '').strip()}]"
        for name, found in sorted(errors.items())
        for m in found
    ]
    assert report == [], "HTML errors:\n" + "\n".join(report)


ID_REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "list")


class _IdReferences(HTMLParser):
    """Every id on a page, and every attribute that must name one of them."""

    def __init__(self):
        super().__init__()
        self.ids = set()
        self.references = []  # (tag, attribute, id)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for attribute in ID_REFERENCES:
            for target in (attrs.get(attribute) or "").split():
                self.references.append((tag, attribute, target))
        if tag == "label" and attrs.get("for"):
            self.references.append((tag, "for", attrs["for"]))
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.references.append((tag, "href", href[1:]))


def test_every_id_reference_points_at_an_element_of_the_page():
    """A label, description or in-page link that names a missing id silently does nothing
    for screen readers and keyboard users; vnu (errors only) and axe let some of these by."""
    dangling = []
    for label, html in [*_page_documents(), *_other_states()]:
        parser = _IdReferences()
        parser.feed(html)
        dangling += [
            f"{label}: <{tag} {attribute}> names missing id {target!r}"
            for tag, attribute, target in parser.references
            if target not in parser.ids
        ]
    assert dangling == []
