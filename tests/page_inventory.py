"""Every named URL of the portal and how the quality gates visit it.

tests/portal/test_page_inventory.py fails for any named URL that has no entry here (in Django's
admin: any whose view is our code, such as the staff workflow's pages), so a new page cannot
skip the gates: accessibility (axe-core), valid HTML (Nu Html Checker), security headers and odd
query strings. Adding a page is one line:

    Page("home"),
    Page("news:detail", kwargs={"slug": "cooperation-2020"}),         # fixed path arguments
    Page("programs:detail", kwargs="tests.programs.factories.program_kwargs"),  # built per test
    Page("applications:dashboard", login=STUDENT),                    # a logged-in student
    Page("news:feed", content="application/rss+xml"),                 # not HTML: no axe/vnu
    Page("accounts:verify_email", kwargs=B + "verification_token", follow=True),  # one redirect
    Page("home", kwargs=B + "imported_document", state="with the imported document"),  # 2nd state
    Excluded("logout", "POST only: logs the visitor out"),

A dotted `kwargs` names a function `(user) -> dict` called inside the test with the logged-in
user (or None): it creates the objects the page shows, with factories, and returns the URL's
keyword arguments. The dotted path is imported only by the tests, so the portal never imports
test code. The builders of this list are in tests/page_builders.py (B below); forms sent back
with errors are listed in tests/page_visits.py (FORMS_WITH_ERRORS) and go through the same gates.
"""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

HTML = "text/html"
STUDENT = "student"
STAFF = "staff"  # a superuser
MANAGER = "manager"  # staff in the "Program managers" group
REVIEWER = "reviewer"  # staff in the "Reviewers" group


@dataclass(frozen=True)
class Page:
    name: str | None
    kwargs: dict | str = field(default_factory=dict)
    login: str | None = None  # None (anonymous), STUDENT, STAFF, MANAGER or REVIEWER
    content: str = HTML  # the media type the page answers with
    status: int = 200
    query: str = ""
    path: str | None = None  # only for pages without a URL name (the 404 page), after /<language>
    follow: bool = False  # the URL redirects once to the page itself (token links, "continue")
    state: str = ""  # names a second entry of the same URL, such as "with content"

    @property
    def is_html(self):
        return self.content == HTML

    @property
    def label(self):
        label = self.name or self.path
        return f"{label} ({self.state})" if self.state else label


@dataclass(frozen=True)
class Excluded:
    """A named URL the page gates do not visit, with the reason."""

    name: str
    reason: str


B = "tests.page_builders."  # the kwargs builders (test code, imported only by the tests)
RI = "tests.page_builders_referees_interviews."  # those of referees' and interview pages

PAGES = [
    Page("home"),
    Page("home", kwargs=B + "imported_document", state="with the imported document"),
    Page("login"),
    Page("privacy"),
    Page("healthz", content="application/json"),
    Page("robots_txt", content="text/plain"),
    Page("sitemap", kwargs=B + "catalog", content="application/xml"),
    Page(None, path="/no-such-page/", status=404),
    # The partnership pages, filled by the document import.
    Page("partnership:news_list"),
    Page("partnership:news_list", kwargs=B + "imported_document", state="with news"),
    Page("partnership:news_detail", kwargs=B + "news_article_with_figures"),
    Page("partnership:news_feed", kwargs=B + "imported_document", content="application/atom+xml"),
    Page("partnership:overview", kwargs=B + "imported_document"),
    Page("partnership:timeline", kwargs=B + "imported_document"),
    Page("partnership:institute", kwargs=B + "imported_document"),
    # The program catalogue.
    Page("programs:catalog"),
    Page("programs:catalog", kwargs=B + "catalog", state="with programs"),
    Page("programs:detail", kwargs=B + "program_with_intakes"),
    Page("programs:deadlines_feed", kwargs=B + "catalog", content="text/calendar"),
    Page(
        "programs:program_deadlines_feed",
        kwargs=B + "program_deadlines",
        content="text/calendar",
    ),
    Page("programs:supervisors", kwargs=B + "supervisor_list"),
    Page("programs:supervisor_detail", kwargs=B + "supervisor"),
    # Student accounts.
    Page("accounts:signup"),
    Page("accounts:account", login=STUDENT),
    Page("accounts:account", kwargs=B + "unverified", login=STUDENT, state="not verified"),
    Page("accounts:profile", login=STUDENT),
    Page("accounts:resend_verification", kwargs=B + "unverified", login=STUDENT),
    Page("accounts:verify_email", kwargs=B + "verification_token", login=STUDENT, follow=True),
    Page("accounts:verify_email", kwargs={"token": "not-a-token"}, state="bad link", status=400),
    Page("accounts:password_change", login=STUDENT),
    Page("accounts:password_reset"),
    Page("accounts:password_reset_done"),
    Page("accounts:password_reset_confirm", kwargs=B + "password_reset_link", follow=True),
    Page(
        "accounts:password_reset_confirm",
        kwargs={"uidb64": "MQ", "token": "expired-token"},
        state="bad link",
    ),
    Page("accounts:password_reset_complete"),
    # Applications: each builder makes an application of the logged-in student.
    Page("applications:dashboard", login=STUDENT),
    Page("applications:dashboard", kwargs=B + "dashboard", login=STUDENT, state="in use"),
    Page("applications:start", kwargs=B + "open_intake", login=STUDENT),
    Page("applications:resume", kwargs=B + "fresh_draft", login=STUDENT, follow=True),
    Page("applications:step_profile", kwargs=B + "draft", login=STUDENT),
    Page("applications:step_statement", kwargs=B + "draft", login=STUDENT),
    Page("applications:step_documents", kwargs=B + "draft", login=STUDENT),
    Page("applications:step_supervisors", kwargs=B + "phd_draft", login=STUDENT),
    Page("applications:review", kwargs=B + "phd_draft", login=STUDENT),
    Page("applications:submitted", kwargs=B + "submitted_phd", login=STUDENT),
    Page("applications:detail", kwargs=B + "submitted_phd", login=STUDENT),
    Page("applications:withdraw", kwargs=B + "submitted_phd", login=STUDENT),
    Page("applications:offer_reply", kwargs=B + "offered", login=STUDENT),
    Page("applications:step_referees", kwargs=RI + "draft_with_referees", login=STUDENT),
    Page("applications:referee_replace", kwargs=RI + "referee_to_replace", login=STUDENT),
    Page("applications:interview", kwargs=RI + "interview_to_book", login=STUDENT),
    Page("applications:interview", kwargs=RI + "interview_booked", login=STUDENT, state="booked"),
    # The referee's page: a signed link, no account.
    Page("applications:referee_letter", kwargs=RI + "referee_link"),
    # Expired and withdrawn links (410) show the same page as this one.
    Page(
        "applications:referee_letter",
        kwargs={"token": "not-a-token"},
        state="bad link",
        status=404,
    ),
    Page(
        "applications:document",
        kwargs=B + "document",
        login=STUDENT,
        content="application/pdf",
    ),
    Page(
        "accounts:export_my_data",
        kwargs=B + "data_to_export",
        login=STUDENT,
        content="application/json",
    ),
    Page("accounts:delete_account", kwargs=B + "data_to_export", login=STUDENT),
    # The staff workflow's pages in the admin, seen by a program manager or a reviewer.
    Page("admin:applications_application_changelist", kwargs=B + "intakes", login=MANAGER),
    Page(
        "admin:applications_application_change",
        kwargs=B + "application_in_selection",
        login=MANAGER,
    ),
    Page(
        "admin:applications_application_document",
        kwargs=B + "document_in_selection",
        login=MANAGER,
        content="application/pdf",
    ),
    Page(
        "admin:selection_exportjob_download",
        kwargs=B + "export_ready",
        login=MANAGER,
        content="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    Page(
        "admin:applications_application_change",
        kwargs=RI + "application_with_letters_and_interview",
        login=MANAGER,
        state="with letters and an interview",
    ),
    Page(
        "admin:applications_application_letter",
        kwargs=RI + "letter_in_selection",
        login=MANAGER,
        content="application/pdf",
    ),
    Page(
        "admin:applications_application_letter",
        kwargs=RI + "written_letter_in_selection",
        login=MANAGER,
        content="text/plain",
        state="written",
    ),
    Page(
        "admin:applications_application_review", kwargs=B + "application_to_review", login=REVIEWER
    ),
    Page("admin:selection_intake_interviews", kwargs=RI + "intake_with_interviews", login=MANAGER),
    Page("admin:selection_interview_schedule", kwargs=RI + "interviews_of", login=REVIEWER),
    Page("admin:selection_interview_assessment", kwargs=RI + "interview_to_assess", login=REVIEWER),
    Page("admin:selection_intake_dashboards", kwargs=B + "intakes", login=MANAGER),
    Page("admin:selection_intake_dashboard", kwargs=B + "intake_in_selection", login=MANAGER),
]

EXCLUDED = [
    Excluded("logout", "POST only: logs the visitor out (tested with the login)"),
    Excluded(
        "set_language",
        "the old language switcher's address: redirects (301) to the page asked for in the "
        "language chosen (tests/portal/test_languages.py)",
    ),
    Excluded(
        "choose_language",
        "the address without a language: redirects to the home page in the visitor's "
        "language (tests/portal/test_languages.py)",
    ),
    Excluded(
        "applications:referee_remind",
        "POST only: the reminder buttons of the referees' list post to it and are redirected "
        "back (tests/applications/test_referees.py)",
    ),
    Excluded(
        "admin:applications_application_decide",
        "POST only: the decision buttons of the application and dashboard pages post to it "
        "and are redirected back (odd form data: test_odd_input)",
    ),
    Excluded(
        "admin:applications_application_retry_emails",
        "POST only: the button by the failed emails on the application page posts to it and "
        "is redirected back (test_decision_feedback, test_access_matrix)",
    ),
]

# Django's admin is Django's own markup: the header and throttling gates cover it, not axe/vnu.
# Its URLs whose view is our code (a view we added or overrode in a ModelAdmin) are our pages
# and need an entry like any other.
ADMIN_NAMESPACES = {"admin"}
OUR_PACKAGES = {
    "accounts",
    "applications",
    "core",
    "mail",
    "partnership",
    "portal",
    "programs",
    "selection",
}


def is_our_view(callback):
    """The view's code is in one of our packages. Django's admin_view and the ModelAdmin URL
    wrapper copy the view's __module__ (functools.update_wrapper), so the admin's own views
    say "django.contrib.admin..." and ours say e.g. "selection.admin.decisions"."""
    return callback.__module__.partition(".")[0] in OUR_PACKAGES


def named_urls(patterns=None, prefix="", only_ours=False):
    """Every URL name in the URLconf, namespaced as reverse() expects ("news:detail"); in
    the admin, only the names of our views."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            in_admin = pattern.namespace in ADMIN_NAMESPACES and not prefix
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from named_urls(pattern.url_patterns, namespace, only_ours or in_admin)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and (not only_ours or is_our_view(pattern.callback))
        ):
            yield prefix + pattern.name
