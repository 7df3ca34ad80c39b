"""What a manager is told about a decision: whether the applicant's email went out, failed
emails on the application's page with a way to send them again, and why there are no decision
buttons before a review."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from applications.states import ApplicationState
from mail.models import EmailLog, EmailStatus
from tests.selection.factories import make_manager, make_reviewer, submitted_application

pytestmark = pytest.mark.django_db

S = ApplicationState
HINT = "Decisions open once a reviewer is assigned"


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def page_url(application):
    return reverse("admin:applications_application_change", args=[application.pk])


def decide(client, application, decision="offer"):
    url = reverse("admin:applications_application_decide", args=[application.pk])
    return client.post(url, {"decision": decision}, follow=True)


# The email goes when the decision commits, inside the request: these need real commits.
committing = pytest.mark.django_db(transaction=True)


@committing
def test_the_decision_message_says_the_applicant_was_emailed(client):
    application = submitted_application(state=S.SHORTLISTED)
    client.force_login(make_manager())

    response = decide(client, application)

    assert f"{application.reference} is now “Offered a place”; the applicant was emailed." in (
        response.text
    )


@committing
def test_a_failed_decision_email_is_told_at_once_and_stays_on_the_page_until_sent(client, settings):
    application = submitted_application(state=S.SHORTLISTED)
    client.force_login(make_manager())
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"

    response = decide(client, application)

    assert (
        f"{application.reference} is now “Offered a place”, but the email to the applicant "
        "could not be sent (ConnectionRefusedError: mail server down)"
    ) in response.text.replace("&#x27;", "'")
    page = client.get(page_url(application)).text
    assert "An email about this application could not be sent:" in page
    assert "mail server down" in page
    retry = reverse("admin:applications_application_retry_emails", args=[application.pk])
    assert f'action="{retry}"' in page

    still_down = client.post(retry, follow=True)
    assert "1 email queued to be sent again" in still_down.text
    assert "mail server down" in still_down.text  # the worker tried, and it failed again

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sent = client.post(retry, follow=True)
    assert "1 email queued to be sent again" in sent.text
    assert "could not be sent" not in sent.text
    assert EmailLog.objects.get().status == EmailStatus.SENT


@committing
def test_only_staff_who_may_resend_get_the_button(client, settings):
    application = submitted_application(state=S.SHORTLISTED)
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    client.force_login(make_manager())
    decide(client, application)
    reviewer = make_reviewer()
    application.review_assignments.create(reviewer=reviewer)
    client.force_login(reviewer)
    retry = reverse("admin:applications_application_retry_emails", args=[application.pk])

    page = client.get(page_url(application)).text

    assert "could not be sent" in page and f'action="{retry}"' not in page
    assert client.post(retry).status_code == 403
    assert EmailLog.objects.get().attempts == 1


def test_before_a_reviewer_is_assigned_the_manager_is_told_why_there_are_no_decisions(client):
    application = submitted_application(state=S.SUBMITTED)
    client.force_login(make_manager())

    page = client.get(page_url(application)).text

    assert HINT in page
    assert 'name="decision"' not in page


@pytest.mark.parametrize("state", [S.UNDER_REVIEW, S.REJECTED])
def test_no_hint_once_reviewed_or_decided(client, state):
    client.force_login(make_manager())
    assert HINT not in client.get(page_url(submitted_application(state=state))).text
