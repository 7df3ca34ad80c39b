"""Interview slots staff publish, and each invited applicant's interview."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_LENGTH_MINUTES = 5
MAX_LENGTH_MINUTES = 240
# The most slots a manager publishes in one go (selection.interviews).
MAX_SLOTS_AT_ONCE = 50


class InterviewSlotQuerySet(models.QuerySet):
    def free(self):
        return self.filter(interview__isnull=True)


class InterviewSlot(models.Model):
    """A time one interviewer keeps for one applicant, online or in a room."""

    intake = models.ForeignKey(
        "programs.Intake",
        verbose_name=_("intake"),
        on_delete=models.CASCADE,
        related_name="interview_slots",
    )
    starts_at = models.DateTimeField(_("starts"))
    length_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        validators=[MinValueValidator(MIN_LENGTH_MINUTES), MaxValueValidator(MAX_LENGTH_MINUTES)],
    )
    room = models.CharField(_("room"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("interviewer"),
        on_delete=models.PROTECT,
        related_name="interview_slots",
    )
    created_at = models.DateTimeField(_("published"), auto_now_add=True)

    objects = InterviewSlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview slot")
        verbose_name_plural = _("interview slots")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(room="") | ~models.Q(online_url=""),
                name="applications_slot_has_a_place",
            ),
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M} ({self.length_minutes} min)"

    def clean(self):
        if not (self.room or self.online_url):
            raise ValidationError(_("Give a room or an online meeting link."))

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.length_minutes)

    @property
    def has_begun(self):
        return timezone.now() >= self.starts_at

    @property
    def place(self):
        return self.online_url or self.room

    def booking_closes_at(self):
        """Students book this slot, or move away from it, until this time (the intake's
        cut-off before it starts)."""
        return self.starts_at - timedelta(hours=self.intake.interview_change_cutoff_hours)


class Interview(models.Model):
    """A shortlisted applicant invited to interview, and the slot they booked.

    One slot per interview and one interview per slot, by the two one-to-one relations: the
    database itself refuses a double booking.
    """

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="interview",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    # A booked slot cannot be deleted; staff move the student first.
    slot = models.OneToOneField(
        InterviewSlot,
        verbose_name=_("slot"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interview",
    )
    booked_at = models.DateTimeField(_("booked"), null=True, blank=True)
    # The student's zone when they booked: the emails, sent outside their request, use it.
    time_zone = models.CharField(_("student's time zone"), max_length=64, blank=True)
    # The iCalendar SEQUENCE: each booking or change makes calendars update the event.
    calendar_sequence = models.PositiveSmallIntegerField(default=0, editable=False)
    reminded_at = models.DateTimeField(
        _("reminded the day before"), null=True, blank=True, editable=False
    )
    email_logs = GenericRelation(
        "mail.EmailLog",
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="interview",
    )

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["slot__starts_at", "pk"]

    def __str__(self):
        return _("Interview of %(application)s") % {"application": self.application}
