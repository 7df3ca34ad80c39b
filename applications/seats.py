"""The seats of an intake: who holds one, and the row lock under which they are counted.

A seat is held by an accepted offer and by an offer still within its own reply deadline.
Every move that takes a seat (an offer, an acceptance) and every change of an intake's
capacity counts the seats while holding the lock on the intake's row, so two managers, or a
manager and a student, never give out the same last seat.
"""

from django.db.models import Q
from django.utils import timezone

from applications.models import Application
from applications.states import ApplicationState
from programs.models import Intake

S = ApplicationState

# The moves that take a seat, checked by application_set_state under the intake's lock.
SEAT_TAKING_STATES = {S.OFFERED, S.ACCEPTED}


def holding_seats(now=None):
    """Q of the applications that hold a seat at `now`."""
    now = now or timezone.now()
    return Q(state=S.ACCEPTED) | Q(state=S.OFFERED, offer_reply_deadline__gt=now)


def holds_seat(application, now=None):
    """The rule of holding_seats for one loaded application."""
    now = now or timezone.now()
    if application.state == S.ACCEPTED:
        return True
    return application.state == S.OFFERED and application.offer_reply_open(now)


def seats_taken(intake, now=None, *, excluding=None):
    queryset = Application.objects.filter(holding_seats(now), intake=intake)
    if excluding is not None:
        queryset = queryset.exclude(pk=excluding.pk)
    return queryset.count()


def seats_left(intake, now=None):
    return max(intake.capacity - seats_taken(intake, now), 0)


def lock_intake(intake_id):
    """The intake, its row locked until the transaction ends (the caller's atomic block)."""
    return Intake.objects.select_for_update().get(pk=intake_id)
