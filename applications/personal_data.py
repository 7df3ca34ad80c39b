"""The applications' section of a student's data (accounts.personal_data): export, erase.

Referees are the student's data too: the export names them and each letter's status, never a
letter's content, which the student may not read; deletion removes them, their letters and
the emails we sent them. An interview is the program's record, like the state history: it
stays with the anonymised application, without the student's time zone, and a slot still
ahead is freed for others.
"""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.interviews.services import interviews_release_slots
from applications.models import (
    Application,
    ApplicationStateChange,
    Interview,
    RecommendationLetter,
    Referee,
)
from applications.services import application_withdraw
from applications.states import ApplicationState
from mail.models import EmailLog


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
        "referees": [
            {
                "name": referee.name,
                "email": referee.email,
                "institution": referee.institution,
                "relationship": referee.relationship,
                "letter_status": referee.status,
                "invited_at": referee.invited_at,
                "opened_at": referee.opened_at,
                "received_at": referee.received_at,
                "replaced_at": referee.replaced_at,
            }
            for referee in application.referees.all()
        ],
        "interview": _interview_data(getattr(application, "interview", None)),
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


def _interview_data(interview):
    if interview is None:
        return None
    slot = interview.slot
    return {
        "invited_at": interview.invited_at,
        "starts_at": slot.starts_at if slot else None,
        "length_minutes": slot.length_minutes if slot else None,
        "booked_at": interview.booked_at,
        "time_zone": interview.time_zone,
    }


def export_applications(user):
    applications = (
        Application.objects.for_user(user)
        .select_related("interview__slot")
        .prefetch_related(
            "intake__questions",
            "documents",
            "supervisor_choices__supervisor",
            "referees",
            "state_changes",
            "email_logs",
        )
    )
    return [_application_data(application) for application in applications]


# States in which the student has a place to give up, which deleting the account does.
PLACE_STATES = (ApplicationState.OFFERED, ApplicationState.ACCEPTED)


def places_given_up(user):
    """For the delete page: each offered or accepted place the deletion gives up."""
    applications = Application.objects.for_user(user).filter(state__in=PLACE_STATES)
    return [
        _(
            "Your place in %(program)s (%(intake)s) is given up: the seat goes to another "
            "applicant, and the program's managers are told."
        )
        % {"program": application.intake.program.title, "intake": application.intake.name}
        for application in applications
    ]


def erase_applications(user):
    """Drafts go entirely. Submitted applications stay for staff records (reference, intake,
    state, history) with everything personal removed; their files are deleted once the
    deletion has committed. An offered or accepted place is given up first, through the
    one state write path, which frees the seat and tells the managers."""
    for application in Application.objects.filter(applicant=user, state__in=PLACE_STATES):
        application_withdraw(application=application, by=user)
    files = _erase_referees(user)
    _erase_interviews(user)
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
    transaction.on_commit(partial(_delete_files, files))


def _erase_referees(user):
    """Delete the student's referees, their letters and our emails to them; returns the
    letters' files, to delete once the deletion has committed."""
    referees = Referee.objects.filter(application__applicant=user)
    letters = RecommendationLetter.objects.filter(referee__in=referees).exclude(file="")
    files = [letter.file for letter in letters]
    EmailLog.objects.filter(referee__in=referees).delete()
    referees.delete()
    return files


def _erase_interviews(user):
    interviews = Interview.objects.filter(application__applicant=user)
    interviews_release_slots(applications=Application.objects.filter(applicant=user))
    interviews.update(time_zone="")


def _delete_files(files):
    for file in files:
        file.storage.delete(file.name)
