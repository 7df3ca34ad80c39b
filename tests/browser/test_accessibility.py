"""axe-core finds no WCAG 2.1 A/AA violation on any HTML page, under the real CSP.

axe.min.js comes from the pinned npm package (package.json), never from the network. It is
evaluated through the DevTools protocol, which the page's CSP does not govern, so the policy
stays on while axe runs and any CSP violation of the page itself still shows up.
"""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.factories import StaffFactory
from tests.page_visits import (
    APPLICATION_LIST,
    AXE_JS,
    FORMS_WITH_ERRORS,
    HTML_PAGES,
    application_list_of_one_intake,
    page_params,
    require_axe,
    url_for,
    user_for,
)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_source():
    require_axe()
    return AXE_JS.read_text(encoding="utf-8")


def log_in(page, live_server, user):
    """Give the browser the session of `user`, as if they had logged in."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def collect_errors(page):
    """Console errors (CSP violations, script errors) and files the page failed to load."""
    errors = []

    def on_console(message):
        # A failed load is reported below with its address; the console only says "404".
        if message.type != "error" or message.text.startswith("Failed to load resource"):
            return
        # Code the test evaluates (axe) has no address; the page's own markup and scripts do.
        # axe parses each @import-ed stylesheet (Django admin's forms.css imports widgets.css)
        # by adding a <style> element, which the CSP rightly blocks: axe's error, not the page's.
        if not message.location.get("url"):
            return
        errors.append(message.text)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            errors.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", on_response)
    return errors


def run_axe(page, axe_source):
    page.evaluate(axe_source)
    results = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
        })""",
        WCAG_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["html"][:120] for node in violation["nodes"][:3])
        for violation in results["violations"]
    ]


def check_page(live_server, page, axe_source, entry, language="en"):
    user = user_for(entry, language)
    if user is not None:
        log_in(page, live_server, user)
    errors = collect_errors(page)
    response = page.goto(live_server.url + url_for(entry, user, language))
    assert response.status == entry.status

    assert run_axe(page, axe_source) == []
    assert errors == [], "CSP violations, script errors or missing files"


@pytest.mark.parametrize("entry", page_params(HTML_PAGES))
def test_page_has_no_accessibility_violations(live_server, page, axe_source, entry):
    check_page(live_server, page, axe_source, entry)


@pytest.mark.parametrize("entry", page_params(HTML_PAGES))
def test_page_in_chinese_has_no_accessibility_violations(live_server, page, axe_source, entry):
    # Pages in Chinese are at their /zh-hans/ address. The admin has one address for both
    # languages: it speaks the language its user chose (user_for) or, on its login page, the
    # language of the cookie or the browser, as Django does.
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "zh-hans", "url": live_server.url}]
    )
    check_page(live_server, page, axe_source, entry, "zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")


def fill_in(page, data):
    """Type the bad input into the page's form; return that form. The browser's own checks
    (required, maxlength, type=email) are turned off: the gate is about the server's errors."""
    page.locator("main form").evaluate_all(
        """forms => forms.forEach(form => {
            form.noValidate = true;
            form.querySelectorAll('[maxlength]').forEach(el => el.removeAttribute('maxlength'));
        })"""
    )
    form = page.locator("main form[method=post]").last
    for name, value in data.items():
        field = page.locator(f"main [name='{name}']")
        form = field.locator("xpath=ancestor::form")
        if isinstance(value, bytes):
            field.set_input_files(
                {"name": f"{name}.pdf", "mimeType": "application/pdf", "buffer": value}
            )
        elif field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    return form


@pytest.mark.parametrize(
    "state", [pytest.param(state, id=state.label) for state in FORMS_WITH_ERRORS]
)
def test_forms_with_errors_have_no_violations(live_server, page, axe_source, state):
    user = user_for(state.page)
    if user is not None:
        log_in(page, live_server, user)
    errors = collect_errors(page)
    page.goto(live_server.url + url_for(state.page, user))
    form = fill_in(page, state.data)
    with page.expect_navigation():
        form.locator("[type=submit]").first.click()
    # The portal's error classes (Bootstrap), then the admin's.
    shown = ".is-invalid, .invalid-feedback, .alert-danger, .errorlist, .errornote"
    expect(page.locator(shown).first).to_be_visible()

    assert run_axe(page, axe_source) == []
    assert errors == [], "CSP violations, script errors or missing files"


def test_staff_pages_without_a_url_name_have_no_violations(live_server, page, axe_source):
    """The application list of one intake, with its notice of free seats, and the pages the
    "assign a reviewer" and "email selected applicants" actions answer the list's POST with,
    each then with an error."""
    manager = user_for(APPLICATION_LIST)
    log_in(page, live_server, manager)
    errors = collect_errors(page)
    page.goto(live_server.url + application_list_of_one_intake(manager))
    expect(page.get_by_role("status")).to_contain_text("seats are free in this intake")
    assert run_axe(page, axe_source) == []

    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("assign_reviewer")
    with page.expect_navigation():
        page.locator("button[name=index]").click()
    expect(page.get_by_role("heading", name="Assign a reviewer")).to_be_visible()
    assert run_axe(page, axe_source) == []

    page.locator("main form").evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        page.get_by_role("button", name="Assign").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert run_axe(page, axe_source) == []

    page.goto(live_server.url + application_list_of_one_intake(manager))
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("email_applicants")
    with page.expect_navigation():
        page.locator("button[name=index]").click()
    expect(page.get_by_role("heading", name="Email selected applicants")).to_be_visible()
    assert run_axe(page, axe_source) == []

    page.get_by_label("Subject", exact=True).fill("About {nme}")
    page.locator("main form").evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert run_axe(page, axe_source) == []
    assert errors == [], "CSP violations, script errors or missing files"


def test_chinese_home_and_login_errors_have_no_violations(live_server, page, axe_source):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="简体中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    assert run_axe(page, axe_source) == []

    page.goto(live_server.url + "/zh-hans/accounts/login/")
    page.locator("main button[type=submit]").click()
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
    assert run_axe(page, axe_source) == []


def _tab_through(page, key):
    """Press `key` until focus leaves the page or comes round again; the elements reached."""
    reached = {}
    for _ in range(40):
        page.keyboard.press(key)
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (el === document.body) return null;  // past the last element
                const style = getComputedStyle(el);
                const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                const visible = outline || style.boxShadow !== 'none';
                return {key: el.outerHTML.slice(0, 80), visible};
            }"""
        )
        if focused is None or focused["key"] in reached:
            break
        reached[focused["key"]] = focused["visible"]
    return reached


def test_keyboard_focus_is_visible_on_every_focusable_element(live_server, page):
    # The login form focuses its first field: Tab goes forward from there, Shift+Tab back up.
    page.goto(live_server.url + "/en/accounts/login/")
    reached = _tab_through(page, "Tab") | _tab_through(page, "Shift+Tab")
    assert len(reached) >= 8  # skip link, brand, nav links, language link, form
    assert [key for key, visible in reached.items() if not visible] == []


@pytest.mark.django_db(transaction=True)
def test_admin_pages_run_their_scripts_under_the_csp(live_server, page):
    staff = StaffFactory()
    log_in(page, live_server, staff)
    errors = collect_errors(page)

    page.goto(f"{live_server.url}/admin/accounts/user/{staff.pk}/change/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # SelectFilter2.js builds the two-box permission chooser, DateTimeShortcuts.js the
    # "Today"/"Now" links: both only exist if the admin's scripts ran.
    expect(page.locator(".selector").first).to_be_visible()
    expect(page.locator(".datetimeshortcuts").first).to_be_visible()
    assert page.evaluate("() => typeof django === 'object' && typeof django.jQuery") == "function"

    page.goto(f"{live_server.url}/admin/accounts/user/")
    page.locator("input.action-select").first.check()
    expect(page.locator(".action-counter")).to_contain_text("1 of 1 selected")  # actions.js

    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    assert errors == [], "CSP violations, script errors or missing files in the admin"


@pytest.fixture
def error_pages(settings):
    # The 403 and 500 pages need views that fail; test_base_layout has them.
    settings.ROOT_URLCONF = "tests.portal.test_base_layout"


@pytest.mark.parametrize(("path", "status"), [("/forbidden/", 403), ("/broken/", 500)])
def test_error_pages_have_no_violations(live_server, page, axe_source, error_pages, path, status):
    errors = collect_errors(page)
    assert page.goto(live_server.url + path).status == status
    assert run_axe(page, axe_source) == []
    assert errors == []
