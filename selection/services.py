"""Staff writes: assigning reviewers, saving reviews, decisions within capacity.

Every state change still goes through applications.services.application_set_state.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from applications.models import Application, offer_reply_open
from applications.services import ApplicationStateError, application_set_state
from applications.states import ApplicationState
from programs.models import Intake
from selection import rules
from selection.models import MAX_SCORE, MIN_SCORE, Review, ReviewAssignment, ReviewScore

S = ApplicationState

# Reviewing happens between submission and the final decision.
REVIEWABLE_STATES = {S.SUBMITTED, S.UNDER_REVIEW, S.SHORTLISTED, S.WAITLISTED}

DECISIONS = {
    "shortlist": S.SHORTLISTED,
    "offer": S.OFFERED,
    "waitlist": S.WAITLISTED,
    "reject": S.REJECTED,
}


def seats_taken(intake, now=None):
    """Accepted offers plus offers the student can still accept.

    Once the offer deadline has passed, unanswered offers no longer hold a seat, so the
    manager can offer it to the waitlist (after moving the deadline for the new offers).
    """
    holding = Q(state=S.ACCEPTED)
    if offer_reply_open(intake, now):
        holding |= Q(state=S.OFFERED)
    return Application.objects.filter(holding, intake=intake).count()


def seats_left(intake, now=None):
    return max(intake.capacity - seats_taken(intake, now), 0)


@transaction.atomic
def application_make_offer(*, application, by, note=""):
    """Offer a seat, never more than the intake's capacity, even with parallel managers.

    The intake row is locked first, so a second manager's offer waits until the first
    one is committed and then counts it.
    """
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot make decisions on applications."))
    intake = Intake.objects.select_for_update().get(pk=application.intake_id)
    if seats_taken(intake) >= intake.capacity:
        raise ApplicationStateError(
            _("All %(capacity)d seats of %(intake)s are taken by offers and acceptances.")
            % {"capacity": intake.capacity, "intake": intake}
        )
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


def review_assign(*, applications, reviewer, by):
    """Give `reviewer` access to each application; submitted ones move to "under review".

    Returns (assigned, refused) where refused is a list of (application, reason).
    """
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot assign reviewers."))
    if not (reviewer.is_active and reviewer.is_staff and reviewer.has_perm("selection.add_review")):
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
    # update_or_create retries the read if a parallel save by the same reviewer won.
    review, _created = Review.objects.update_or_create(
        application=application, reviewer=reviewer, defaults={"comment": comment}
    )
    for criterion, score in scores.items():
        ReviewScore.objects.update_or_create(
            review=review, criterion=criterion, defaults={"score": int(score)}
        )
    return review
