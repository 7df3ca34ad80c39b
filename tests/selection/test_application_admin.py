"""Staff read applications in admin; nothing there changes a state behind the service's back."""

import pytest
from django.core import mail
from django.urls import reverse

from applications.services import application_set_state
from applications.states import ApplicationState
from tests.applications.factories import complete_application
from tests.factories import StaffFactory
from tests.selection.factories import staff_document_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    application = complete_application()
    application.submit(by=application.applicant)
    return application


def test_list_shows_reference_applicant_intake_and_state(client, submitted):
    client.force_login(StaffFactory())
    page = client.get(reverse("admin:applications_application_changelist")).content.decode()
    assert submitted.reference in page
    assert submitted.applicant.email in page or str(submitted.applicant) in page
    assert str(submitted.intake.name) in page
    assert "Submitted" in page


def test_change_page_is_read_only_with_history_and_document_links(client, submitted):
    client.force_login(StaffFactory())
    url = reverse("admin:applications_application_change", args=[submitted.pk])
    page = client.get(url).content.decode()
    assert "Draft" in page and "Submitted" in page  # the history line
    assert staff_document_url(submitted.documents.first()) in page
    assert 'name="state"' not in page

    client.post(url, {"state": ApplicationState.ACCEPTED})
    submitted.refresh_from_db()
    assert submitted.state == ApplicationState.SUBMITTED
    assert client.get(reverse("admin:applications_application_add")).status_code == 403
    assert (
        client.get(
            reverse("admin:applications_application_delete", args=[submitted.pk])
        ).status_code
        == 403
    )


def test_staff_changes_are_emailed_to_the_applicant(submitted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application_set_state(
            application=submitted, new_state=ApplicationState.UNDER_REVIEW, by=StaffFactory()
        )
    [email] = mail.outbox
    assert email.to == [submitted.applicant.email]
    assert "Under review" in email.subject and submitted.reference in email.body
