"""A student's own data: everything we hold as JSON, and deleting the account."""

from functools import partial

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from programs.applications.models import Application, ApplicationStateChange
from programs.applications.states import ApplicationState

USER_FIELDS = ["email", "first_name", "last_name", "date_joined", "last_login"]


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
        "intake__questions", "documents", "supervisor_choices__supervisor", "state_changes"
    )
    account = {field: getattr(user, field) for field in USER_FIELDS}
    account["email_verified_at"] = user.email_verified_at
    return {
        "exported_at": timezone.now(),
        "account": account,
        "profile": _profile_data(user),
        "applications": [_application_data(application) for application in applications],
    }


@transaction.atomic
def user_delete_account(*, user):
    """Delete the account; see README "Privacy" for what is kept.

    Drafts go entirely. Submitted applications stay for staff records (reference, intake,
    state, history) with everything personal removed. The user row is deleted.
    """
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
