"""Program managers see and decide everything; reviewers see only what they are assigned."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from applications.services import application_set_state
from applications.states import ApplicationState
from selection.roles import MANAGER_GROUP, REVIEWER_GROUP
from tests.applications.factories import DocumentFactory
from tests.factories import StaffFactory, UserFactory
from tests.partnership.factories import NewsArticleFactory
from tests.selection.factories import (
    CriterionFactory,
    assign,
    make_manager,
    make_reviewer,
    review,
    staff_document_url,
    submitted_application,
)

pytestmark = pytest.mark.django_db

S = ApplicationState
CHANGELIST = reverse("admin:applications_application_changelist")


def change_url(application):
    return reverse("admin:applications_application_change", args=[application.pk])


def permissions(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_migration_gives_each_role_its_permissions():
    manager = permissions(MANAGER_GROUP)
    reviewer = permissions(REVIEWER_GROUP)

    for model in ["program", "intake", "supervisor", "reviewcriterion"]:
        app = "selection" if model == "reviewcriterion" else "programs"
        assert {f"{app}.{action}_{model}" for action in ["add", "change", "view"]} <= manager
    assert {"applications.change_application", "applications.change_emailtemplate"} <= manager
    assert "applications.add_application" not in manager
    assert "applications.delete_application" not in manager
    for model in ["newsarticle", "figure", "milestone", "keyfigure", "researchfield"]:
        assert {
            f"partnership.{action}_{model}" for action in ["add", "change", "delete"]
        } <= manager

    assert {"applications.view_application", "selection.add_review", "selection.change_review"} <= (
        reviewer
    )
    assert "applications.change_application" not in reviewer
    assert not {p for p in reviewer if p.startswith("partnership.")}
    assert not {p for p in reviewer if p.startswith("programs.") and "intake" in p}


def test_reviewer_lists_only_assigned_applications(client):
    reviewer = make_reviewer()
    mine = submitted_application()
    other = submitted_application()
    assign(mine, reviewer)
    client.force_login(reviewer)

    response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert mine.reference in response.text
    assert other.reference not in response.text


def test_reviewer_cannot_open_an_unassigned_application(client):
    reviewer = make_reviewer()
    other = submitted_application()
    client.force_login(reviewer)

    response = client.get(change_url(other), follow=True)

    assert other.reference not in response.text
    assert "doesn’t exist" in response.text


def test_reviewer_opens_an_assigned_application_read_only_without_decisions(client):
    reviewer = make_reviewer()
    mine = submitted_application(state=S.UNDER_REVIEW)
    assign(mine, reviewer)
    client.force_login(reviewer)

    response = client.get(change_url(mine))

    assert response.status_code == 200
    assert mine.reference in response.text
    assert 'name="decision"' not in response.text
    assert "Write my review" in response.text


def test_reviewer_cannot_download_documents_of_unassigned_applications(client):
    reviewer = make_reviewer()
    other = DocumentFactory(application=submitted_application())
    mine = DocumentFactory(application=submitted_application())
    assign(mine.application, reviewer)
    client.force_login(reviewer)

    assert client.get(staff_document_url(other)).status_code == 403
    assert client.get(staff_document_url(mine)).status_code == 200


@pytest.mark.parametrize("make_user", [make_manager, StaffFactory], ids=["manager", "superuser"])
def test_managers_and_superusers_see_every_application_and_document(client, make_user):
    application = submitted_application()
    document = DocumentFactory(application=application)
    client.force_login(make_user())

    assert application.reference in client.get(CHANGELIST).text
    assert client.get(change_url(application)).status_code == 200
    assert client.get(staff_document_url(document)).status_code == 200


def test_staff_without_a_role_sees_no_application(client):
    document = DocumentFactory(application=submitted_application())
    client.force_login(UserFactory(is_staff=True))

    assert client.get(CHANGELIST).status_code == 403
    assert client.get(staff_document_url(document)).status_code == 403
    assert client.get(document.get_absolute_url()).status_code == 403


def test_reviewer_cannot_decide_even_on_an_assigned_application(client):
    reviewer = make_reviewer()
    mine = submitted_application(state=S.UNDER_REVIEW)
    assign(mine, reviewer)
    client.force_login(reviewer)

    by_button = client.post(
        reverse("admin:applications_application_decide", args=[mine.pk]), {"decision": "shortlist"}
    )
    by_action = client.post(
        CHANGELIST, {"action": "shortlist", "_selected_action": [mine.pk]}, follow=True
    )

    assert by_button.status_code == 403
    assert by_action.status_code == 200
    mine.refresh_from_db()
    assert mine.state == S.UNDER_REVIEW
    assert not mine.state_changes.exists()


def test_reviewer_is_refused_by_the_service_itself():
    reviewer = make_reviewer()
    mine = submitted_application(state=S.UNDER_REVIEW)
    assign(mine, reviewer)

    with pytest.raises(PermissionDenied):
        application_set_state(application=mine, new_state=S.SHORTLISTED, by=reviewer)


def test_reviewer_cannot_open_the_intake_dashboard(client):
    reviewer = make_reviewer()
    application = submitted_application()
    client.force_login(reviewer)

    url = reverse("admin:selection_intake_dashboard", args=[application.intake_id])
    assert client.get(url).status_code == 403


def test_drafts_are_hidden_from_the_default_list_and_shown_on_request(client):
    draft = submitted_application(state=S.DRAFT)
    submitted = submitted_application()
    client.force_login(make_manager())

    default = client.get(CHANGELIST).text
    everything = client.get(CHANGELIST, {"state": "all"}).text
    drafts = client.get(CHANGELIST, {"state": "draft"}).text

    assert submitted.reference in default
    assert draft.reference not in default
    assert draft.reference in everything and submitted.reference in everything
    assert draft.reference in drafts and submitted.reference not in drafts


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:selection_reviewcriterion_changelist",
        "admin:selection_reviewcriterion_add",
        "admin:selection_reviewassignment_changelist",
        "admin:selection_review_changelist",
        "admin:applications_emailtemplate_changelist",
        "admin:mail_emaillog_changelist",
        "admin:selection_intake_dashboards",
    ],
)
def test_manager_opens_each_staff_admin_page(client, url_name):
    application = submitted_application()
    CriterionFactory(intake=application.intake)
    review(application, make_reviewer(), [3])
    client.force_login(make_manager())

    assert client.get(reverse(url_name)).status_code == 200


def test_reviewer_cannot_manage_criteria_emails_or_assignments(client):
    client.force_login(make_reviewer())

    for url_name in [
        "admin:selection_reviewcriterion_add",
        "admin:selection_reviewassignment_changelist",
        "admin:applications_emailtemplate_changelist",
        "admin:mail_emaillog_changelist",
    ]:
        assert client.get(reverse(url_name)).status_code == 403, url_name


def test_manager_edits_a_news_article_in_admin(client):
    article = NewsArticleFactory(title="Old title")
    manager = make_manager()
    client.force_login(manager)
    page = client.get(reverse("admin:partnership_newsarticle_change", args=[article.pk]))
    assert page.status_code == 200
    reviewer = make_reviewer()
    client.force_login(reviewer)
    assert client.get(reverse("admin:partnership_newsarticle_changelist")).status_code == 403


def picker_and_assignment(client, candidate):
    """(shown in the reviewer picker, assignment accepted) for `candidate`, by a manager."""
    application = submitted_application()
    client.force_login(make_manager())
    selection = {"action": "assign_reviewer", "_selected_action": [application.pk]}
    picker = client.post(CHANGELIST, selection).text
    client.post(CHANGELIST, {**selection, "apply": "1", "reviewer": candidate.pk})
    assigned = application.review_assignments.filter(reviewer=candidate).exists()
    return f'<option value="{candidate.pk}">' in picker, assigned


def custom_reviewing_group():
    group = Group.objects.create(name="Selection committee")
    group.permissions.set(Group.objects.get(name=REVIEWER_GROUP).permissions.all())
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user


def reviewers_group_without_staff_status():
    user = UserFactory(is_staff=False)
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    return user


CANDIDATES = [
    (make_reviewer, True),
    (custom_reviewing_group, True),  # the picker looked for the group's name only
    (StaffFactory, True),  # a superuser has every permission
    (reviewers_group_without_staff_status, False),
    (make_manager, False),  # managers decide; they do not write reviews
]


@pytest.mark.parametrize(
    ("make", "is_reviewer"), CANDIDATES, ids=[c[0].__name__ for c in CANDIDATES]
)
def test_the_picker_and_the_assignment_follow_one_rule(client, make, is_reviewer):
    assert picker_and_assignment(client, make()) == (is_reviewer, is_reviewer)
