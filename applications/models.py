"""Applications of students to intakes, their documents, supervisor choices and history, and
the decision emails managers edit."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from applications.interviews.models import Interview, InterviewSlot  # noqa: F401
from applications.placeholders import PLACEHOLDER_HELP, check_placeholders
from applications.referees.models import RecommendationLetter, Referee  # noqa: F401
from applications.states import DECISION_STATES, ApplicationState, can_transition
from applications.storage import get_private_storage, random_document_name
from programs.models import ProgramKind

# Interviews, referees and letters are models of this app kept in modules of their own
# (applications.interviews, applications.referees); importing them above registers them.

STATEMENT_MIN_CHARS = 300
STATEMENT_MAX_CHARS = 5000
MAX_SUPERVISOR_CHOICES = 3

# Reference prefixes, e.g. ZIERIP-2027-000123.
REFERENCE_PREFIXES = {
    ProgramKind.SUMMER_SCHOOL: "IGSS",
    ProgramKind.ZIERIP: "ZIERIP",
    ProgramKind.INTERNSHIP: "INTERN",
    ProgramKind.PHD: "PHD",
    ProgramKind.SUMMER_CAMP: "CAMP",
    ProgramKind.YOUNG_FELLOW_CAMP: "YFC",
    ProgramKind.TRAINING_BASE: "BASE",
}


NEXT_STEPS = {
    ApplicationState.DRAFT: _("Complete and submit your application before the deadline."),
    ApplicationState.SUBMITTED: _("Wait for the review to start."),
    ApplicationState.UNDER_REVIEW: _("Your application is being reviewed."),
    ApplicationState.SHORTLISTED: _("You are shortlisted; wait for the decision."),
    ApplicationState.OFFERED: _("Accept or decline the offer before the deadline."),
    ApplicationState.WAITLISTED: _("You are on the waiting list; we will write if a seat opens."),
    ApplicationState.REJECTED: _("Nothing more to do. Thank you for applying."),
    ApplicationState.ACCEPTED: _("Watch your email for the program details."),
    ApplicationState.DECLINED: _("Nothing more to do."),
    ApplicationState.WITHDRAWN: _("Nothing more to do."),
}


class ApplicationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The applications of one student, with what their pages show."""
        return self.filter(applicant=user).select_related("intake__program")

    def submitted(self):
        return self.exclude(state=ApplicationState.DRAFT)


class Application(models.Model):
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        help_text=_("Empty once the student deleted their account (anonymised record)."),
    )
    intake = models.ForeignKey(
        "programs.Intake",
        verbose_name=_("intake"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ApplicationState.choices,
        default=ApplicationState.DRAFT,
    )
    reference = models.CharField(
        _("reference"), max_length=30, unique=True, null=True, blank=True, editable=False
    )
    statement = models.TextField(_("motivation statement"), blank=True)
    answers = models.JSONField(
        _("answers to extra questions"),
        default=dict,
        blank=True,
        help_text=_("Question id → answer."),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # Set when the reminder went out (applications.reminders), so it goes once.
    draft_reminded_at = models.DateTimeField(
        _("reminded to submit"), null=True, blank=True, editable=False
    )
    # Fixed when the offer is made (Intake.offer_reply_days); the intake's later edits leave
    # it alone, so an offer never lapses or comes back to life behind the student's back.
    offer_reply_deadline = models.DateTimeField(
        _("offer reply deadline"), null=True, blank=True, editable=False
    )
    offer_reminded_at = models.DateTimeField(
        _("reminded to reply to the offer"), null=True, blank=True, editable=False
    )
    # The reviews' summary, kept by selection.services.review_summaries_refresh whenever a
    # review is saved: the staff list sorts 100,000 applications by score from an index
    # instead of averaging every application's scores on each page.
    review_count = models.PositiveIntegerField(_("reviews"), default=0, editable=False)
    average_score = models.FloatField(_("average score"), null=True, blank=True, editable=False)
    # The emails sent about this application (mail.EmailLog.about).
    email_logs = GenericRelation(
        "mail.EmailLog",
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="application",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        # The staff list shows one intake, newest first: with this index it reads one page of
        # rows instead of sorting the whole intake.
        indexes = [
            models.Index(fields=["intake", "-created_at"], name="applications_intake_newest"),
            # The staff list sorted by score (the admin adds -id), counts of a state's seats.
            models.Index(
                fields=["intake", "-average_score", "-id"], name="applications_intake_best"
            ),
            models.Index(fields=["intake", "state"], name="applications_intake_state"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "intake"], name="applications_one_per_intake"
            ),
        ]

    def __str__(self):
        return self.reference or f"{self.intake} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("applications:detail", kwargs={"pk": self.pk})

    @property
    def is_draft(self):
        return self.state == ApplicationState.DRAFT

    @property
    def needs_supervisors(self):
        return self.intake.program.is_phd

    @property
    def can_withdraw(self):
        return can_transition(self.state, ApplicationState.WITHDRAWN)

    def offer_reply_open(self, now=None):
        """An offer can be answered until its reply deadline (exclusive)."""
        now = now or timezone.now()
        return self.offer_reply_deadline is not None and now < self.offer_reply_deadline

    @property
    def can_reply_to_offer(self):
        return self.state == ApplicationState.OFFERED and self.offer_reply_open()

    def answered_questions(self):
        """(question, answer) pairs of the intake's extra questions, in form order."""
        return [
            (question, self.answers.get(str(question.pk), ""))
            for question in self.intake.questions.all()
        ]

    @property
    def next_step(self):
        """What the student should do or expect now, for the dashboard."""
        if self.is_draft and not self.intake.is_open:
            return _("The intake has closed; this draft can no longer be submitted.")
        if self.state == ApplicationState.OFFERED and not self.offer_reply_open():
            return _(
                "The reply deadline has passed, so the place may go to another applicant. "
                "Write to the program office if you still want it."
            )
        return NEXT_STEPS[self.state]

    @property
    def deadline(self):
        """The time by which the student must act, if any."""
        if self.is_draft:
            return self.intake.closes_at if self.intake.is_open else None
        if self.can_reply_to_offer:
            return self.offer_reply_deadline
        return None

    def make_reference(self):
        prefix = REFERENCE_PREFIXES.get(self.intake.program.kind, "APP")
        return f"{prefix}-{self.intake.starts_on.year}-{self.pk:06d}"

    # Thin wrappers: the rules live in services.application_set_state.
    def submit(self, *, by):
        from applications.services import application_submit

        return application_submit(application=self, by=by)

    def withdraw(self, *, by, note=""):
        from applications.services import application_withdraw

        return application_withdraw(application=self, by=by, note=note)

    def accept_offer(self, *, by):
        from applications.services import application_accept_offer

        return application_accept_offer(application=self, by=by)

    def decline_offer(self, *, by):
        from applications.services import application_decline_offer

        return application_decline_offer(application=self, by=by)


class DocumentKind(models.TextChoices):
    CV = "cv", _("CV")
    TRANSCRIPT = "transcript", _("Transcript")
    PHOTO = "photo", _("Photo")


class ApplicationDocument(models.Model):
    # A UUID, so nobody can walk the ids of other students' files.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to=random_document_name, max_length=200
    )
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=50)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["application", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"], name="applications_document_one_per_kind"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"

    def get_absolute_url(self):
        return reverse("applications:document", kwargs={"pk": self.pk})


class SupervisorChoice(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="supervisor_choices",
    )
    supervisor = models.ForeignKey(
        "programs.Supervisor",
        verbose_name=_("supervisor"),
        on_delete=models.PROTECT,
        related_name="choices",
    )
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("supervisor choice")
        verbose_name_plural = _("supervisor choices")
        ordering = ["application", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "rank"], name="applications_choice_unique_rank"
            ),
            models.UniqueConstraint(
                fields=["application", "supervisor"],
                name="applications_choice_unique_supervisor",
            ),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1, rank__lte=MAX_SUPERVISOR_CHOICES),
                name="applications_choice_rank_range",
            ),
        ]

    def __str__(self):
        return f"{self.rank}. {self.supervisor}"


class ApplicationStateChange(models.Model):
    """One line of an application's history, written only by application_set_state."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="state_changes",
    )
    from_state = models.CharField(_("from"), max_length=20, choices=ApplicationState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=ApplicationState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["application", "at", "pk"]

    def __str__(self):
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"


class EmailTemplate(models.Model):
    """The email an applicant gets when a decision moves their application to `state`.

    One per decision and language; the applicant's language picks one (applications.emails).
    """

    state = models.CharField(
        _("decision"),
        max_length=20,
        choices=[(state.value, state.label) for state in DECISION_STATES],
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    subject = models.CharField(_("subject"), max_length=200, validators=[check_placeholders])
    body = models.TextField(
        _("body"),
        validators=[check_placeholders],
        help_text=PLACEHOLDER_HELP,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        ordering = ["state", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "language"], name="applications_template_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.get_state_display()} ({self.get_language_display()})"
