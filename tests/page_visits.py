"""How the quality gates visit the pages listed in tests.page_inventory."""

import os
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string

from applications.models import Application
from tests.factories import StaffFactory, StudentProfileFactory
from tests.page_builders import intake_in_selection, manager, reviewer
from tests.page_inventory import MANAGER, PAGES, REVIEWER, STAFF, STUDENT, Page

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

HTML_PAGES = [page for page in PAGES if page.is_html]


def page_params(pages):
    """pytest parameters named after the page, so a failure says which page."""
    return [pytest.param(page, id=page.label) for page in pages]


def user_for(page, language="en"):
    """A fresh user of the kind the page needs, who chose `language` (the admin speaks the
    language its user chose), or None for an anonymous visit."""
    user = _new_user(page)
    if user is not None and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


def _new_user(page):
    if page.login == STUDENT:
        return StudentProfileFactory().user
    if page.login == STAFF:
        return StaffFactory()
    if page.login == MANAGER:
        return manager()
    if page.login == REVIEWER:
        return reviewer()
    if page.login is not None:
        raise ValueError(f"{page.label}: unknown login kind {page.login!r}")
    return None


def url_for(page, user=None, language="en"):
    """The page's URL in `language` (pages have one address per language; the admin and the
    machines' files have one for all); a dotted `kwargs` builder creates its objects first."""
    if page.path:
        url = f"/{language}{page.path}"
    else:
        kwargs = page.kwargs
        if isinstance(kwargs, str):
            kwargs = import_string(kwargs)(user)
        with translation.override(language):
            url = reverse(page.name, kwargs=kwargs)
    return f"{url}?{page.query}" if page.query else url


def visit(client, page, language="en"):
    """Log the Django test client in as the page needs; return the page's URL in `language`."""
    user = user_for(page, language)
    if user is not None:
        client.force_login(user)
    return url_for(page, user, language)


def require_tool(available, reason):
    """Skip a gate whose tool is missing locally, with the reason; fail in CI, which installs it."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run every quality gate: .ci/run installs it)")
    pytest.skip(reason)


def require_axe():
    require_tool(
        AXE_JS.is_file(),
        f"axe-core is not installed at {AXE_JS.relative_to(ROOT)}: `make test` installs it "
        "with npm (package.json); install Node.js and npm (apt-get install npm)",
    )


def require_vnu():
    require_tool(
        shutil.which("java") is not None,
        "Java is not installed: the Nu Html Checker needs it (apt-get install "
        "default-jre-headless); .ci/run does this",
    )
    require_tool(
        VNU_JAR.is_file(),
        f"vnu.jar is not installed at {VNU_JAR.relative_to(ROOT)}: `make test` installs it "
        "with npm (package.json); install Node.js and npm (apt-get install npm)",
    )


class _FieldErrorParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.invalid_fields = []  # (name, aria-describedby)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in {"input", "select", "textarea"} and attrs.get("aria-invalid") == "true":
            self.invalid_fields.append((attrs.get("name"), attrs.get("aria-describedby") or ""))


def assert_field_errors_are_described(html):
    """Every field marked invalid points (aria-describedby) at an element on the page that
    holds its error, so a screen reader reads the error with the field. Returns the count."""
    parser = _FieldErrorParser()
    parser.feed(html)
    for name, described_by in parser.invalid_fields:
        assert described_by, f"field {name!r} is invalid but has no aria-describedby"
        missing = [ref for ref in described_by.split() if ref not in parser.ids]
        assert not missing, f"field {name!r} is described by missing ids {missing}"
    return len(parser.invalid_fields)


@dataclass(frozen=True)
class FormWithErrors:
    """A page's form sent back with errors: the HTML and accessibility gates check that state
    too. `data` holds the bad input; a bytes value is uploaded as a PDF file of that field."""

    page: Page
    data: dict

    @property
    def label(self):
        return f"{self.page.label} with errors"


B = "tests.page_builders."
RI = "tests.page_builders_referees_interviews."

FORMS_WITH_ERRORS = [
    FormWithErrors(
        Page("accounts:signup"),
        {"email": "not-an-email", "password1": "short", "password2": "different"},
    ),
    FormWithErrors(Page("accounts:profile", login=STUDENT), {"phone": "call me maybe"}),
    FormWithErrors(
        Page("accounts:password_change", login=STUDENT),
        {"old_password": "wrong", "new_password1": "short", "new_password2": "other"},
    ),
    FormWithErrors(Page("accounts:password_reset"), {"email": "not-an-email"}),
    FormWithErrors(
        Page("accounts:password_reset_confirm", kwargs=B + "password_reset_link", follow=True),
        {"new_password1": "short", "new_password2": "other"},
    ),
    FormWithErrors(
        Page("applications:step_statement", kwargs=B + "draft", login=STUDENT),
        {"statement": "I want to learn. " * 300},
    ),
    FormWithErrors(
        Page("applications:step_documents", kwargs=B + "draft", login=STUDENT),
        {"cv": b"This is a text file, not a PDF."},
    ),
    FormWithErrors(
        Page(
            "applications:step_supervisors",
            kwargs=B + "phd_draft_without_supervisors",
            login=STUDENT,
        ),
        {"choice_1": ""},
    ),
    FormWithErrors(Page("applications:review", kwargs=B + "fresh_draft", login=STUDENT), {}),
    # The replace page has the same form.
    FormWithErrors(
        Page("applications:step_referees", kwargs=RI + "draft_with_referees", login=STUDENT),
        {"email": "not-an-email"},
    ),
    # No slot chosen.
    FormWithErrors(
        Page("applications:interview", kwargs=RI + "interview_to_book", login=STUDENT), {}
    ),
    FormWithErrors(
        Page("applications:referee_letter", kwargs=RI + "referee_link"),
        {"file": b"This is a text file, not a PDF."},
    ),
    FormWithErrors(Page("accounts:delete_account", login=STUDENT), {"password": "wrong"}),
    # No score given: every criterion's choice is marked.
    FormWithErrors(
        Page(
            "admin:applications_application_review",
            kwargs=B + "application_to_review",
            login=REVIEWER,
        ),
        {"comment": "I have not scored it yet."},
    ),
    FormWithErrors(
        Page(
            "admin:selection_intake_interviews", kwargs=RI + "intake_with_interviews", login=MANAGER
        ),
        {"count": "0", "room": ""},
    ),
    FormWithErrors(
        Page(
            "admin:selection_interview_assessment",
            kwargs=RI + "interview_to_assess",
            login=REVIEWER,
        ),
        {"notes": "I have not scored it yet."},
    ),
]


# Pages of ours in the admin without a URL name of their own: the application list of one
# intake, with its notice of free seats, and the pages of the "assign a reviewer" and "email
# selected applicants" actions, which answer the list's POST (selection/admin/*.html).
APPLICATION_LIST = Page("admin:applications_application_changelist", login=MANAGER)


def application_list_of_one_intake(user):
    """The list filtered to an intake with free seats and a waitlist, as `user` built it."""
    intake_id = intake_in_selection(user)["intake_id"]
    return f"{url_for(APPLICATION_LIST)}?intake={intake_id}"


def assign_reviewer_form(**data):
    """The list's POST that chooses the action for every application past its draft."""
    return action_form("assign_reviewer", **data)


def action_form(action, **data):
    """The list's POST that chooses `action` for every application past its draft."""
    selected = Application.objects.submitted().values_list("pk", flat=True)
    return {
        "action": action,
        "_selected_action": [str(pk) for pk in selected],
        "select_across": "0",
        "index": "0",
        **data,
    }


def client_post_data(data):
    """The bad input as the Django test client posts it."""
    return {
        name: SimpleUploadedFile(f"{name}.pdf", value, content_type="application/pdf")
        if isinstance(value, bytes)
        else value
        for name, value in data.items()
    }


def assert_shows_errors(html, label):
    """The form came back with its errors shown (a field marked invalid or an error alert)."""
    described = assert_field_errors_are_described(html)
    assert described or "alert-danger" in html, f"{label}: no error is shown"
