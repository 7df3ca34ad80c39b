"""Staff writes and reads about interviews: inviting shortlisted applicants, publishing slots
in bulk, who has not booked, interviewers' schedules and their assessments.

The student's side (booking, changing, the .ics) is in applications.interviews.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from applications.interviews import emails
from applications.interviews.models import (
    MAX_LENGTH_MINUTES,
    MAX_SLOTS_AT_ONCE,
    Interview,
    InterviewSlot,
)
from applications.states import ApplicationState
from selection import rules
from selection.models import MAX_SCORE, MIN_SCORE, InterviewAssessment
from selection.roles import MANAGER_GROUP, REVIEWER_GROUP


def interviewers():
    """Staff who can be given slots: active, in one of the roles that hold interviews."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, is_staff=True, groups__name__in=[MANAGER_GROUP, REVIEWER_GROUP]
        )
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def interview_invite(*, applications, by):
    """Invite each shortlisted application to book an interview; emails them after commit.

    Returns (invited, refused) where refused is a list of (application, reason).
    """
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot invite applicants to interviews."))
    invited, refused = [], []
    for application in applications:
        if application.state != ApplicationState.SHORTLISTED:
            refused.append(
                (
                    application,
                    _("it is “%(state)s”, not shortlisted")
                    % {"state": application.get_state_display()},
                )
            )
            continue
        with transaction.atomic():
            interview, created = Interview.objects.get_or_create(
                application=application, defaults={"invited_by": by}
            )
            if created:
                emails.send_invitation(interview.pk)
        if created:
            invited.append(application)
        else:
            refused.append((application, _("it is invited already")))
    return invited, refused


def _overlapping(interviewer, starts, length):
    """The interviewer's slots that overlap any of the new ones."""
    ends = [start + length for start in starts]
    nearby = InterviewSlot.objects.filter(
        interviewer=interviewer,
        starts_at__lt=ends[-1],
        starts_at__gt=starts[0] - timedelta(minutes=MAX_LENGTH_MINUTES),
    )
    return [
        slot
        for slot in nearby
        if any(
            slot.starts_at < end and start < slot.ends_at
            for start, end in zip(starts, ends, strict=True)
        )
    ]


@transaction.atomic
def interview_slots_publish(
    *, intake, interviewer, first_start, count, length_minutes, break_minutes, room, online_url, by
):
    """`count` slots one after another from `first_start`, for students of `intake` to book."""
    if not rules.can_decide(by):
        raise PermissionDenied(_("You cannot publish interview slots."))
    if not rules.is_interviewer(interviewer):
        raise ValidationError(_("%(user)s cannot hold interviews.") % {"user": interviewer})
    if not 1 <= count <= MAX_SLOTS_AT_ONCE:
        raise ValidationError(
            _("Publish between 1 and %(max)d slots at once.") % {"max": MAX_SLOTS_AT_ONCE}
        )
    if first_start <= timezone.now():
        raise ValidationError(_("The first slot must start in the future."))
    if not (room or online_url):
        raise ValidationError(_("Give a room or an online meeting link."))
    length = timedelta(minutes=length_minutes)
    starts = [first_start + n * (length + timedelta(minutes=break_minutes)) for n in range(count)]
    clashes = _overlapping(interviewer, starts, length)
    if clashes:
        raise ValidationError(
            _("%(user)s already has a slot at %(times)s.")
            % {
                "user": interviewer,
                "times": ", ".join(
                    date_format(timezone.localtime(slot.starts_at), "DATETIME_FORMAT")
                    for slot in clashes
                ),
            }
        )
    slots = [
        InterviewSlot(
            intake=intake,
            starts_at=start,
            length_minutes=length_minutes,
            room=room,
            online_url=online_url,
            interviewer=interviewer,
        )
        for start in starts
    ]
    for slot in slots:
        slot.full_clean(exclude=["intake", "interviewer"])
    return InterviewSlot.objects.bulk_create(slots)


@transaction.atomic
def interview_assess(*, interview, by, score, notes="", now=None):
    """Record, or correct, the interviewer's score and notes once the interview has begun."""
    now = now or timezone.now()
    if not rules.can_assess_interview(by, interview):
        raise PermissionDenied(_("Only the interviewer records this interview."))
    if now < interview.slot.starts_at:
        raise ValidationError(_("The interview has not taken place yet."))
    if not MIN_SCORE <= int(score) <= MAX_SCORE:
        raise ValidationError(
            _("Scores go from %(min)d to %(max)d.") % {"min": MIN_SCORE, "max": MAX_SCORE}
        )
    assessment, _created = InterviewAssessment.objects.update_or_create(
        interview=interview,
        defaults={"score": int(score), "notes": notes, "recorded_by": by},
    )
    return assessment


def intake_slots(intake):
    """Every slot of the intake with who booked it and how it went: the manager's table."""
    return InterviewSlot.objects.filter(intake=intake).select_related(
        "interviewer",
        "interview__application__applicant__profile",
        "interview__assessment",
    )


def not_booked(intake):
    """Invited applications of the intake, still shortlisted, without a slot."""
    return (
        Interview.objects.filter(
            application__intake=intake,
            application__state=ApplicationState.SHORTLISTED,
            slot__isnull=True,
        )
        .select_related("application__applicant__profile")
        .order_by("invited_at", "pk")
    )


def schedule(interviewer, now=None):
    """The interviewer's slots from a week ago on, with the booked applicants."""
    now = now or timezone.now()
    return (
        InterviewSlot.objects.filter(
            interviewer=interviewer, starts_at__gte=now - timedelta(days=7)
        )
        .select_related(
            "intake__program",
            "interview__application__applicant__profile",
            "interview__assessment",
        )
        .order_by("starts_at", "pk")
    )
