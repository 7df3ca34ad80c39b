"""Application states and the one table of allowed transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    OFFERED = "offered", _("Offered a place")
    WAITLISTED = "waitlisted", _("Waitlisted")
    REJECTED = "rejected", _("Not selected")
    ACCEPTED = "accepted", _("Offer accepted")
    DECLINED = "declined", _("Offer declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S = ApplicationState

# Every allowed move, and nothing else. Withdrawing is possible until a decision is made, and
# a student may give up an offered or accepted place (also by deleting the account), which
# frees the seat.
TRANSITIONS = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.UNDER_REVIEW, S.WITHDRAWN},
    S.UNDER_REVIEW: {S.SHORTLISTED, S.REJECTED, S.WITHDRAWN},
    S.SHORTLISTED: {S.OFFERED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN},
    S.WAITLISTED: {S.OFFERED, S.REJECTED},
    S.OFFERED: {S.ACCEPTED, S.DECLINED, S.WITHDRAWN},
    S.ACCEPTED: {S.WITHDRAWN},
    S.DECLINED: set(),
    S.REJECTED: set(),
    S.WITHDRAWN: set(),
}

# The moves a student makes on their own application; every other move is staff's.
STUDENT_TARGETS = {S.SUBMITTED, S.WITHDRAWN, S.ACCEPTED, S.DECLINED}

# States in which the student still awaits a decision (referees' letters still count).
AWAITING_DECISION = {S.SUBMITTED, S.UNDER_REVIEW, S.SHORTLISTED}


def can_transition(from_state, to_state):
    return to_state in TRANSITIONS.get(from_state, set())


# The decisions an applicant is told about by an email managers can edit (EmailTemplate).
DECISION_STATES = [S.SHORTLISTED, S.OFFERED, S.WAITLISTED, S.REJECTED]
