"""`make run` as a newcomer gets it: gunicorn, DEBUG off, WhiteNoise serving static files."""

import json
import os
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.loopback import served_by_gunicorn


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("served")
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}}
    env.update(
        ENV_FILE=str(tmp / "none.env"),
        DEBUG="0",
        SECRET_KEY="served-site-test-" + "x9" * 20,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        DEMO_STAFF_EMAIL="staff@example.org",
        DEMO_STAFF_PASSWORD="served-demo-pass",
    )
    with served_by_gunicorn(
        env,
        commands=[["migrate", "--noinput"], ["collectstatic", "--noinput"], ["setup_demo"]],
        arguments=["--workers", "2"],
    ) as url:
        yield url


def test_healthz_answers_from_gunicorn(served_site):
    with urllib.request.urlopen(served_site + "/healthz", timeout=5) as response:
        assert response.status == 200
        assert json.loads(response.read())["database"] == "ok"


def test_css_is_served_by_whitenoise_with_hashed_names(served_site, page):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(served_site + "/")
    css = [r for r in responses if r.url.endswith(".css")]
    assert css and all(r.status == 200 for r in css)
    assert any(re.search(r"bootstrap\.min\.[0-9a-f]{12}\.css$", r.url) for r in css)
    # Bootstrap is applied: the navbar is a flex container.
    assert page.locator("nav.navbar").evaluate("el => getComputedStyle(el).display") == "flex"


def test_demo_staff_logs_into_admin(served_site, page):
    page.goto(served_site + "/admin/")
    page.get_by_label("Email address").fill("staff@example.org")
    page.get_by_label("Password").fill("served-demo-pass")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def test_unknown_page_is_a_styled_404_with_debug_off(served_site, page):
    response = page.goto(served_site + "/missing/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
