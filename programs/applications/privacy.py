"""A student's own data: everything we hold as JSON, and deleting the account."""

from functools import partial

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import Q
from django.forms.models import model_to_dict
from django.utils import timezone

from programs.applications.models import Application, ApplicationStateChange
from programs.applications.states import ApplicationState
from programs.selection.models import EmailLog

USER_FIELDS = ["email", "first_name", "last_name", "date_joined", "last_login"]
# django-axes keeps logins and failed attempts by email address (the login's username).
LOGIN_RECORD_MODELS = [AccessAttempt, AccessFailureLog, AccessLog]


def _emails_to(user):
    """Every email we sent about their applications, also any whose application is gone."""
    return EmailLog.objects.filter(Q(application__applicant=user) | Q(to__iexact=user.email))


def _profile_data(user):
    profile = getattr(user, "profile", None)
    if profile is None:
        return None
    data = model_to_dict(profile, exclude=["id", "user"])
    data["updated_at"] = profile.updated_at
    return data


def _application_data(application):
    return {
        "reference": application.reference,
        "program": application.intake.program.title,
        "intake": application.intake.name,
        "state": application.state,
        "started_at": application.created_at,
        "submitted_at": application.submitted_at,
        "motivation_statement": application.statement,
        "answers": [
            {"question": question.label, "answer": answer}
            for question, answer in application.answered_questions()
        ],
        "documents": [
            {
                "kind": document.kind,
                "file_name": document.original_name,
                "content_type": document.content_type,
                "size": document.size,
                "uploaded_at": document.uploaded_at,
            }
            for document in application.documents.all()
        ],
        "supervisor_choices": [
            {"rank": choice.rank, "supervisor": choice.supervisor.name}
            for choice in application.supervisor_choices.all()
        ],
        "emails": [
            {
                "subject": email.subject,
                "body": email.body,
                "status": email.status,
                "sent_at": email.sent_at,
            }
            for email in application.email_logs.all()
        ],
        "history": [
            {
                "from": change.from_state,
                "to": change.to_state,
                "at": change.at,
                "note": change.note,
            }
            for change in application.state_changes.all()
        ],
    }


def user_export_data(*, user):
    """Everything the portal holds about this student, ready for json.dumps."""
    applications = Application.objects.for_user(user).prefetch_related(
        "intake__questions",
        "documents",
        "supervisor_choices__supervisor",
        "state_changes",
        "email_logs",
    )
    account = {field: getattr(user, field) for field in USER_FIELDS}
    account["email_verified_at"] = user.email_verified_at
    return {
        "exported_at": timezone.now(),
        "account": account,
        "profile": _profile_data(user),
        "applications": [_application_data(application) for application in applications],
        "logins": [
            {
                "at": login.attempt_time,
                "logged_out_at": login.logout_time,
                "ip_address": login.ip_address,
                "browser": login.user_agent,
            }
            for login in AccessLog.objects.filter(username__iexact=user.email).order_by(
                "attempt_time"
            )
        ],
    }


@transaction.atomic
def user_delete_account(*, user):
    """Delete the account; see README "Privacy" for what is kept.

    Drafts go entirely. Submitted applications stay for staff records (reference, intake,
    state, history) with everything personal removed. The user row is deleted, and so are
    the emails we sent them and the login records, which hold their address and name.
    """
    _emails_to(user).delete()
    for model in LOGIN_RECORD_MODELS:
        model.objects.filter(username__iexact=user.email).delete()
    files = []
    applications = Application.objects.filter(applicant=user).prefetch_related("documents")
    for application in applications:
        files += [document.file for document in application.documents.all()]
        if application.state == ApplicationState.DRAFT:
            application.delete()
            continue
        application.documents.all().delete()
        application.applicant = None
        application.statement = ""
        application.answers = {}
        application.anonymised_at = timezone.now()
        application.save(
            update_fields=["applicant", "statement", "answers", "anonymised_at", "updated_at"]
        )
    # The student's own history lines keep their dates but lose their words and author.
    ApplicationStateChange.objects.filter(by=user).update(note="")
    user.delete()
    transaction.on_commit(partial(_delete_files, files))


def _delete_files(files):
    for file in files:
        file.storage.delete(file.name)
