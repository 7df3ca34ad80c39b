"""Every write to an application goes through here; application_set_state is the only
place that changes its state."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.models import User
from applications.documents import CleanUpload
from applications.emails import send_state_change_email
from applications.interviews.services import BOOKING_STATES, interviews_release_slots
from applications.models import (
    MAX_SUPERVISOR_CHOICES,
    STATEMENT_MAX_CHARS,
    STATEMENT_MIN_CHARS,
    Application,
    ApplicationDocument,
    ApplicationStateChange,
    DocumentKind,
    SupervisorChoice,
)
from applications.referees.services import referee_problems
from applications.rules import can_decide, is_owner
from applications.seats import SEAT_TAKING_STATES, holds_seat, lock_intake, seats_taken
from applications.signals import seat_released
from applications.states import STUDENT_TARGETS, ApplicationState, can_transition
from programs.models import Intake, Supervisor


class ApplicationStateError(ValidationError):
    """A state change the rules do not allow; the message says why."""


def statement_problems(application: Application) -> list[str]:
    length = len(application.statement.strip())
    if not length:
        if application.intake.requires_statement:
            return [_("Write your motivation statement.")]
        return []
    if length < STATEMENT_MIN_CHARS:
        return [
            _("Your motivation statement has %(count)d characters; it needs at least %(min)d.")
            % {"count": length, "min": STATEMENT_MIN_CHARS}
        ]
    if length > STATEMENT_MAX_CHARS:
        return [
            _("Your motivation statement has %(count)d characters; the limit is %(max)d.")
            % {"count": length, "max": STATEMENT_MAX_CHARS}
        ]
    return []


def question_problems(application: Application) -> list[str]:
    return [
        _("Answer the question “%(question)s”.") % {"question": question.label}
        for question in application.intake.questions.all()
        if question.required and not str(application.answers.get(str(question.pk), "")).strip()
    ]


def required_document_kinds(intake: Intake) -> list[DocumentKind]:
    return [
        kind
        for kind, required in [
            (DocumentKind.CV, intake.requires_cv),
            (DocumentKind.TRANSCRIPT, intake.requires_transcript),
            (DocumentKind.PHOTO, intake.requires_photo),
        ]
        if required
    ]


# Whole sentences, not "Upload your %s": the document's name is capitalised as a label.
UPLOAD_PROMPTS = {
    DocumentKind.CV: gettext_lazy("Upload your CV."),
    DocumentKind.TRANSCRIPT: gettext_lazy("Upload your transcript."),
    DocumentKind.PHOTO: gettext_lazy("Upload your photo."),
}


def document_problems(application: Application) -> list[Promise]:
    present = {document.kind for document in application.documents.all()}
    return [
        UPLOAD_PROMPTS[kind]
        for kind in required_document_kinds(application.intake)
        if kind not in present
    ]


def supervisor_problems(application: Application) -> list[str]:
    if not application.needs_supervisors:
        return []
    choices = list(application.supervisor_choices.all())
    if not choices:
        return [_("Choose at least one supervisor (up to three, in order of preference).")]
    if any(not choice.supervisor.is_active for choice in choices):
        return [_("One of your chosen supervisors no longer takes students; choose another.")]
    return []


def profile_problems(user: User) -> list[str]:
    problems: list[str] = []
    if not user.is_email_verified:
        problems.append(_("Verify your email address."))
    profile = getattr(user, "profile", None)
    if profile is None:
        return [*problems, _("Fill in your student profile.")]
    missing = profile.missing_fields()
    if missing:
        problems.append(
            _("Complete your profile: %(fields)s.")
            % {"fields": ", ".join(str(field) for field in missing)}
        )
    return problems


def submission_problems(application: Application) -> list[str | Promise]:
    """Everything that stops this application from being submitted, in words for the student."""
    problems: list[str | Promise] = []
    if not application.intake.is_open:
        problems.append(_("This intake is not open for applications."))
    if application.applicant is not None:
        problems += profile_problems(application.applicant)
    problems += statement_problems(application)
    problems += question_problems(application)
    problems += document_problems(application)
    problems += supervisor_problems(application)
    problems += referee_problems(application)
    return problems


def _check_guards(
    application: Application, new_state: ApplicationState, by: User, now: datetime
) -> None:
    # Staff decide only with the decision permission: reviewers are staff but may not.
    is_student_move = is_owner(by, application) and new_state in STUDENT_TARGETS
    if not (is_student_move or can_decide(by)):
        raise PermissionDenied(_("You cannot make this change to this application."))
    if new_state == ApplicationState.OFFERED and application.applicant_id is None:
        raise ApplicationStateError(
            _("The student deleted their account, so there is nobody to offer the seat to.")
        )
    if new_state == ApplicationState.SUBMITTED:
        problems = submission_problems(application)
        if problems:
            raise ApplicationStateError(problems)
    replies = (ApplicationState.ACCEPTED, ApplicationState.DECLINED)
    if new_state in replies and not application.offer_reply_open(now):
        raise ApplicationStateError(_("The deadline to reply to this offer has passed."))


def _check_seat(application: Application, intake: Intake, now: datetime) -> None:
    """Refuse a move that would hold more seats than the intake has (its row is locked)."""
    if seats_taken(intake, now, excluding=application) >= intake.capacity:
        raise ApplicationStateError(
            ngettext(
                "The one seat of %(intake)s is taken by an offer or an acceptance.",
                "All %(capacity)d seats of %(intake)s are taken by offers and acceptances.",
                intake.capacity,
            )
            % {"capacity": intake.capacity, "intake": intake}
        )


@transaction.atomic
def application_set_state(
    *, application: Application, new_state: str, by: User, note: str = ""
) -> Application:
    """The one write path for states: check, lock, save, record, and queue the email (the
    worker sends it once the transaction commits).

    A move that takes a seat locks the intake's row first (before the application's, the
    order every writer of seats uses) and counts the seats under that lock.
    """
    new_state = ApplicationState(new_state)
    now = timezone.now()
    intake = lock_intake(application.intake_id) if new_state in SEAT_TAKING_STATES else None
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("intake__program", "applicant")
        .get(pk=application.pk)
    )
    old_state = ApplicationState(locked.state)
    if not can_transition(old_state, new_state):
        raise ApplicationStateError(
            _("An application cannot go from “%(old)s” to “%(new)s”.")
            % {"old": old_state.label, "new": new_state.label}
        )
    _check_guards(locked, new_state, by, now)
    if intake is not None:
        _check_seat(locked, intake, now)
    releases_seat = new_state == ApplicationState.WITHDRAWN and holds_seat(locked, now)

    locked.state = new_state
    fields = ["state", "updated_at"]
    if new_state == ApplicationState.OFFERED:
        assert intake is not None  # an offer takes a seat, so the intake was locked above
        locked.offer_reply_deadline = intake.offer_reply_deadline(now)
        fields.append("offer_reply_deadline")
    if new_state == ApplicationState.SUBMITTED:
        locked.submitted_at = now
        locked.reference = locked.make_reference()
        fields += ["submitted_at", "reference"]
    locked.save(update_fields=fields)
    if old_state in BOOKING_STATES and new_state not in BOOKING_STATES:
        interviews_release_slots(applications=[locked], now=now)
    ApplicationStateChange.objects.create(
        application=locked, from_state=old_state, to_state=new_state, by=by, note=note
    )
    send_state_change_email(locked.pk, new_state)
    if releases_seat:
        # Sent once the transaction commits: an account deletion that withdraws the
        # application anonymises it later in the same transaction, and the email says so.
        transaction.on_commit(
            partial(seat_released.send, sender=Application, application_id=locked.pk)
        )
    for field in fields:
        setattr(application, field, getattr(locked, field))
    return application


def application_submit(*, application: Application, by: User) -> Application:
    return application_set_state(
        application=application, new_state=ApplicationState.SUBMITTED, by=by
    )


def application_withdraw(*, application: Application, by: User, note: str = "") -> Application:
    return application_set_state(
        application=application, new_state=ApplicationState.WITHDRAWN, by=by, note=note
    )


def application_accept_offer(*, application: Application, by: User) -> Application:
    return application_set_state(
        application=application, new_state=ApplicationState.ACCEPTED, by=by
    )


def application_decline_offer(*, application: Application, by: User) -> Application:
    return application_set_state(
        application=application, new_state=ApplicationState.DECLINED, by=by
    )


def application_start(*, intake: Intake, user: User) -> Application:
    """The student's application to this intake: the existing one, or a new draft.

    get_or_create retries the read when a parallel request (double click, second tab) won
    the race for the unique constraint, so there is never a second application.
    """
    existing = Application.objects.filter(applicant=user, intake=intake).first()
    if existing is not None:
        return existing
    if not intake.is_open:
        raise ApplicationStateError(_("This intake is not open for applications."))
    application, _created = Application.objects.get_or_create(applicant=user, intake=intake)
    return application


def _require_draft(application: Application, user: User) -> None:
    if application.applicant_id != user.pk:
        raise PermissionDenied
    if not application.is_draft:
        raise ApplicationStateError(_("A submitted application can no longer be changed."))


def application_save_statement(
    *, application: Application, user: User, statement: str, answers: Mapping[str, Any]
) -> Application:
    _require_draft(application, user)
    application.statement = statement
    application.answers = {**application.answers, **answers}
    application.save(update_fields=["statement", "answers", "updated_at"])
    return application


@transaction.atomic
def application_save_document(
    *, application: Application, user: User, kind: str, upload: CleanUpload
) -> ApplicationDocument:
    """Store a checked upload (see documents.py), replacing the earlier one of its kind."""
    _require_draft(application, user)
    old = application.documents.filter(kind=kind).first()
    document = ApplicationDocument(
        application=application,
        kind=kind,
        original_name=upload.original_name,
        content_type=upload.content_type,
        size=upload.size,
    )
    if old is not None:
        old_file = old.file.name
        old.delete()
        transaction.on_commit(partial(old.file.storage.delete, old_file))
    document.file.save(upload.file.name, upload.file, save=False)
    # If the transaction fails, the new file must not be left behind.
    stored_name = document.file.name
    try:
        document.save()
    except Exception:
        document.file.storage.delete(stored_name)
        raise
    return document


@transaction.atomic
def application_save_supervisors(
    *, application: Application, user: User, supervisors: Sequence[Supervisor]
) -> None:
    """Replace the ranked choices: `supervisors` in order of preference, at most three."""
    _require_draft(application, user)
    if len(supervisors) > MAX_SUPERVISOR_CHOICES:
        raise ApplicationStateError(_("Choose at most three supervisors."))
    if len(set(supervisors)) != len(supervisors):
        raise ApplicationStateError(_("Choose each supervisor only once."))
    application.supervisor_choices.all().delete()
    SupervisorChoice.objects.bulk_create(
        SupervisorChoice(application=application, supervisor=supervisor, rank=rank)
        for rank, supervisor in enumerate(supervisors, start=1)
    )
    application.save(update_fields=["updated_at"])
