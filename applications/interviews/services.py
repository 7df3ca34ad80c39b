"""The student's writes about their interview: booking a slot and changing it.

Of two students booking the same slot at once, one gets it: the slot row is locked before it
is checked, and the one-to-one relation Interview.slot refuses a second booking even so.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from applications.interviews import emails
from applications.interviews.models import Interview, InterviewSlot
from applications.models import Application
from applications.states import ApplicationState

# Interviews are for shortlisted applicants; once decided, there is nothing left to book.
BOOKING_STATES = {ApplicationState.SHORTLISTED}


class InterviewError(ValidationError):
    """A booking the rules do not allow; the message says why."""


class SlotTaken(InterviewError):
    """Another student booked the slot first."""


def interview_is_open(interview: Interview) -> bool:
    """Only shortlisted applicants book: after the decision there is nothing to book."""
    return interview.application.state in BOOKING_STATES


def booking_can_change(interview: Interview, now: datetime | None = None) -> bool:
    """Whether the student may book, or move, now: before the cut-off of the booked slot."""
    now = now or timezone.now()
    if not interview_is_open(interview):
        return False
    return interview.slot is None or now < interview.slot.booking_closes_at()


def bookable_slots(interview: Interview, now: datetime | None = None) -> QuerySet[InterviewSlot]:
    """The free slots of the student's intake still before their cut-off."""
    now = now or timezone.now()
    intake = interview.application.intake
    cutoff = timedelta(hours=intake.interview_change_cutoff_hours)
    return (
        InterviewSlot.objects.free()
        .filter(intake=intake, starts_at__gt=now + cutoff)
        .select_related("intake")
    )


def interviews_release_slots(
    *, applications: Iterable[Application] | QuerySet[Application], now: datetime | None = None
) -> int:
    """Give back the slots these applications booked, unless the interview has begun: called
    when an application stops waiting for an interview (withdrawn, decided, account deleted),
    so that another student can book the time. Returns how many slots were freed."""
    now = now or timezone.now()
    return Interview.objects.filter(application__in=applications, slot__starts_at__gt=now).update(
        slot=None, booked_at=None, reminded_at=None
    )


@transaction.atomic
def interview_book(
    *,
    interview: Interview,
    slot: InterviewSlot,
    user: User,
    time_zone: str,
    now: datetime | None = None,
) -> Interview:
    """Book `slot` for the student's interview, or move the interview there; the slot left
    behind is free again. Emails the student an iCalendar invitation after commit."""
    now = now or timezone.now()
    # Two tabs of the same student wait for each other here.
    locked = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__intake", "slot__intake")
        .get(pk=interview.pk)
    )
    if locked.application.applicant_id != user.pk:
        raise PermissionDenied
    if not interview_is_open(locked):
        raise InterviewError(_("Your application is no longer waiting for an interview."))
    if locked.slot_id == slot.pk:
        return locked
    if not booking_can_change(locked, now):
        raise InterviewError(
            _("Your interview is too close to change: write to the program office instead.")
        )
    # A second student booking this slot waits here until the first one commits.
    slot = InterviewSlot.objects.select_for_update().select_related("intake").get(pk=slot.pk)
    if slot.intake_id != locked.application.intake_id:
        raise PermissionDenied
    if now >= slot.booking_closes_at():
        raise InterviewError(_("This slot is too close to book. Please choose a later one."))
    if Interview.objects.filter(slot=slot).exists():
        raise SlotTaken(_("Someone else has just booked this slot. Please choose another one."))
    moved = locked.slot_id is not None
    locked.slot = slot
    locked.booked_at = now
    locked.time_zone = time_zone
    locked.calendar_sequence += 1
    locked.reminded_at = None  # the reminder is about the new time
    try:
        with transaction.atomic():
            locked.save(
                update_fields=["slot", "booked_at", "time_zone", "calendar_sequence", "reminded_at"]
            )
    except IntegrityError as error:  # the constraint, should a lock ever be skipped
        raise SlotTaken(
            _("Someone else has just booked this slot. Please choose another one.")
        ) from error
    emails.send_booking(locked.pk, moved=moved)
    return locked
