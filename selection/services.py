"""Staff writes: assigning reviewers, saving reviews, decisions within capacity.

Every state change still goes through applications.services.application_set_state.
"""

import logging
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import (
    Avg,
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from applications.models import Application
from applications.services import ApplicationStateError, application_set_state
from applications.states import ApplicationState
from programs.models import Intake
from selection import rules
from selection.dashboard import distributions_forget
from selection.export import export_filename, xlsx_write
from selection.models import (
    MAX_SCORE,
    MIN_SCORE,
    ExportJob,
    ExportStatus,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    ReviewScore,
)

logger = logging.getLogger(__name__)

S = ApplicationState

# Reviewing happens between submission and the final decision.
REVIEWABLE_STATES = {S.SUBMITTED, S.UNDER_REVIEW, S.SHORTLISTED, S.WAITLISTED}

# What reviewers score when managers define nothing else: content, written in
# settings.CONTENT_LANGUAGE like the rest of what staff enter, and editable on the intake page.
DEFAULT_CRITERIA = [
    ("Academic record", "Grades, courses and degree so far."),
    ("Motivation", "Why this program, and what the applicant wants from it."),
    ("Technical skills", "Projects, internships and the skills they show."),
]

DECISIONS = {
    "shortlist": S.SHORTLISTED,
    "offer": S.OFFERED,
    "waitlist": S.WAITLISTED,
    "reject": S.REJECTED,
}


def application_make_offer(*, application: Application, by: User, note: str = "") -> Application:
    """Offer a seat; application_set_state counts the seats under the intake's row lock, so
    parallel managers never give out more than the intake's capacity."""
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot make decisions on applications."))
    return application_set_state(application=application, new_state=S.OFFERED, by=by, note=note)


def application_decide(
    *, application: Application, decision: str, by: User, note: str = ""
) -> Application:
    """Shortlist, offer, waitlist or reject; raises ApplicationStateError saying why not."""
    if decision not in DECISIONS:
        raise ValueError(f"Unknown decision {decision!r}")
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot make decisions on applications."))
    if decision == "offer":
        return application_make_offer(application=application, by=by, note=note)
    return application_set_state(
        application=application, new_state=DECISIONS[decision], by=by, note=note
    )


def applications_decide_in_bulk(
    *, application_ids: Sequence[int], decision: str, by: User
) -> tuple[int, list[tuple[Application, str]]]:
    """Apply one decision to each application in turn (offers in the order given, best
    first), each in its own transaction. Returns (moved, refused): refused is a list of
    (application, reason). For the worker: a large selection is decided outside the request."""
    moved = 0
    refused: list[tuple[Application, str]] = []
    applications = Application.objects.in_bulk(application_ids)
    for application_id in application_ids:
        application = applications.get(application_id)
        if application is None:
            continue
        try:
            application_decide(application=application, decision=decision, by=by)
        except (ApplicationStateError, PermissionDenied) as error:
            reason = " ".join(error.messages) if hasattr(error, "messages") else str(error)
            refused.append((application, reason))
        else:
            moved += 1
    return moved, refused


def criteria_ensure_defaults(*, intake: Intake) -> None:
    """Give an intake without review criteria the default ones, so that reviewing can start."""
    if intake.review_criteria.exists():
        return
    ReviewCriterion.objects.bulk_create(
        ReviewCriterion(intake=intake, name=name, description=description, position=position)
        for position, (name, description) in enumerate(DEFAULT_CRITERIA, start=1)
    )


def review_assign(
    *, applications: Iterable[Application], reviewer: User, by: User
) -> tuple[list[Application], list[tuple[Application, str]]]:
    """Give `reviewer` access to each application; submitted ones move to "under review".

    Returns (assigned, refused) where refused is a list of (application, reason).
    """
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot assign reviewers."))
    if not rules.is_reviewer(reviewer):
        raise ValidationError(_("%(user)s is not an active reviewer.") % {"user": reviewer})
    assigned: list[Application] = []
    refused: list[tuple[Application, str]] = []
    for application in applications:
        if application.state not in REVIEWABLE_STATES:
            refused.append(
                (
                    application,
                    _("it is “%(state)s”, not waiting for review")
                    % {"state": application.get_state_display()},
                )
            )
            continue
        with transaction.atomic():
            criteria_ensure_defaults(intake=application.intake)
            ReviewAssignment.objects.get_or_create(
                application=application, reviewer=reviewer, defaults={"assigned_by": by}
            )
            if application.state == S.SUBMITTED:
                application_set_state(application=application, new_state=S.UNDER_REVIEW, by=by)
        assigned.append(application)
    return assigned, refused


@transaction.atomic
def review_save(
    *,
    application: Application,
    reviewer: User,
    scores: Mapping[ReviewCriterion, int],
    comment: str = "",
) -> Review:
    """Create or update the reviewer's one review: `scores` maps each criterion to 1–5."""
    if not rules.can_review(reviewer, application):
        raise PermissionDenied(_("You are not assigned to review this application."))
    if application.state not in REVIEWABLE_STATES:
        raise ValidationError(_("This application is no longer under review."))
    criteria = list(application.intake.review_criteria.all())
    if not criteria:
        raise ValidationError(_("No review criteria are defined for this intake yet."))
    missing = [criterion.name for criterion in criteria if criterion not in scores]
    if missing:
        raise ValidationError(_("Give a score for: %(names)s.") % {"names": ", ".join(missing)})
    for criterion, score in scores.items():
        if criterion.intake_id != application.intake_id:
            raise ValidationError(_("A criterion of another intake was scored."))
        if not MIN_SCORE <= int(score) <= MAX_SCORE:
            raise ValidationError(
                _("Scores go from %(min)d to %(max)d.") % {"min": MIN_SCORE, "max": MAX_SCORE}
            )
    # Two reviewers saving at once take turns, so the second summary counts the first review.
    Application.objects.select_for_update().filter(pk=application.pk).exists()
    # update_or_create retries the read if a parallel save by the same reviewer won.
    review, _created = Review.objects.update_or_create(
        application=application, reviewer=reviewer, defaults={"comment": comment}
    )
    for criterion, score in scores.items():
        ReviewScore.objects.update_or_create(
            review=review, criterion=criterion, defaults={"score": int(score)}
        )
    review_summaries_refresh(applications=Application.objects.filter(pk=application.pk))
    distributions_forget(application.intake_id)
    return review


def export_job_start(*, queryset: QuerySet[Application], by: User) -> ExportJob:
    """Record an Excel export of the selection (the list's filters applied) and queue its
    building; with the queue unreachable the job is marked failed, saying so."""
    from selection.tasks import build_xlsx_export  # the task module imports this one

    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot export applications."))
    application_ids = list(queryset.values_list("pk", flat=True))
    job = ExportJob.objects.create(
        created_by=by, application_ids=application_ids, total=len(application_ids)
    )
    try:
        build_xlsx_export.delay(job.pk)
    except Exception as error:  # any broker error: say so on the job
        logger.exception("Export %s could not be queued", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED, error=f"{type(error).__name__}: {error}"
        )
    job.refresh_from_db()
    return job


def export_job_build(*, job_id: int) -> ExportJob | None:
    """Build a queued export, once (the job is claimed first), recording progress as it goes."""
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING
    )
    if not claimed:
        return None
    job = ExportJob.objects.select_related("created_by").get(pk=job_id)

    def progress(done: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(done=done)

    try:
        with tempfile.TemporaryFile() as out, translation.override(job.created_by.language):
            applications = Application.objects.filter(pk__in=job.application_ids)
            xlsx_write(applications, out, progress=progress)
            out.seek(0)
            job.file.save(export_filename("xlsx"), File(out), save=False)
    except Exception as error:  # record it on the job the staff member watches
        logger.exception("Export %s failed", job.pk)
        job.status, job.error = ExportStatus.FAILED, f"{type(error).__name__}: {error}"
    else:
        job.status, job.done = ExportStatus.DONE, job.total
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "done", "file", "error", "finished_at"])
    return job


def export_jobs_expire() -> int:
    """Delete the Excel exports older than EXPORT_KEEP_DAYS, files too; returns how many.

    They hold applicants' personal data, which should not outlive the need for it.
    """
    cutoff = timezone.now() - timedelta(days=settings.EXPORT_KEEP_DAYS)
    deleted, _per_model = ExportJob.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def export_file_delete(sender: type[ExportJob], instance: ExportJob, **kwargs: object) -> None:
    """post_delete: an export's file goes with it, whatever deleted it (the expiry, an admin,
    the account of who asked for it), once the deletion commits."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(partial(storage.delete, name))


def review_summaries_refresh(*, applications: QuerySet[Application]) -> int:
    """Store each application's review count and average score (the mean of all its criterion
    scores, None without any) on it, in one UPDATE, for the list, the waitlist and exports."""
    reviews = (
        Review.objects.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(count=Count("pk"))
        .values("count")
    )
    scores = (
        ReviewScore.objects.filter(review__application=OuterRef("pk"))
        .order_by()
        .values("review__application")
        .annotate(average=Avg("score"))
        .values("average")
    )
    return applications.update(
        review_count=Coalesce(Subquery(reviews, output_field=IntegerField()), Value(0)),
        average_score=Subquery(scores),
    )
