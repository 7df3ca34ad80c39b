"""Staff writes: assigning reviewers, saving reviews, decisions within capacity.

Every state change still goes through applications.services.application_set_state.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from applications.models import Application
from applications.services import application_set_state
from applications.states import ApplicationState
from selection import rules
from selection.models import (
    MAX_SCORE,
    MIN_SCORE,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    ReviewScore,
)

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


def application_make_offer(*, application, by, note=""):
    """Offer a seat; application_set_state counts the seats under the intake's row lock, so
    parallel managers never give out more than the intake's capacity."""
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot make decisions on applications."))
    return application_set_state(application=application, new_state=S.OFFERED, by=by, note=note)


def application_decide(*, application, decision, by, note=""):
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


def criteria_ensure_defaults(*, intake):
    """Give an intake without review criteria the default ones, so that reviewing can start."""
    if intake.review_criteria.exists():
        return
    ReviewCriterion.objects.bulk_create(
        ReviewCriterion(intake=intake, name=name, description=description, position=position)
        for position, (name, description) in enumerate(DEFAULT_CRITERIA, start=1)
    )


def review_assign(*, applications, reviewer, by):
    """Give `reviewer` access to each application; submitted ones move to "under review".

    Returns (assigned, refused) where refused is a list of (application, reason).
    """
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot assign reviewers."))
    if not rules.is_reviewer(reviewer):
        raise ValidationError(_("%(user)s is not an active reviewer.") % {"user": reviewer})
    assigned, refused = [], []
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
def review_save(*, application, reviewer, scores, comment=""):
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
    return review


def review_summaries_refresh(*, applications):
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
