"""Reviews of applications: what reviewers score, who reviews what, and the scores; and the
Excel exports the worker builds."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from applications.storage import get_private_storage

MIN_SCORE = 1
MAX_SCORE = 5


class ReviewCriterion(models.Model):
    """One thing reviewers score for an intake, e.g. "Academic record"."""

    intake = models.ForeignKey(
        "programs.Intake",
        verbose_name=_("intake"),
        on_delete=models.CASCADE,
        related_name="review_criteria",
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("guidance for reviewers"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        ordering = ["intake", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["intake", "name"], name="selection_criterion_unique_name"
            ),
        ]

    def __str__(self):
        return self.name


class ReviewAssignment(models.Model):
    """A reviewer may see and review this application."""

    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["application", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="selection_assignment_unique"
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.application}"


class Review(models.Model):
    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="reviews",
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="selection_review_one_per_reviewer"
            ),
        ]

    def __str__(self):
        return _("Review of %(application)s by %(reviewer)s") % {
            "application": self.application,
            "reviewer": self.reviewer,
        }

    @property
    def average(self):
        scores = [score.score for score in self.scores.all()]
        return sum(scores) / len(scores) if scores else None


class ReviewScore(models.Model):
    review = models.ForeignKey(
        Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        ReviewCriterion,
        verbose_name=_("criterion"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(MIN_SCORE), MaxValueValidator(MAX_SCORE)]
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["review", "criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="selection_score_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=MIN_SCORE, score__lte=MAX_SCORE),
                name="selection_score_range",
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class InterviewAssessment(models.Model):
    """What the interviewer made of an interview: a score and notes, read with the reviews."""

    interview = models.OneToOneField(
        "applications.Interview",
        verbose_name=_("interview"),
        on_delete=models.CASCADE,
        related_name="assessment",
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(MIN_SCORE), MaxValueValidator(MAX_SCORE)]
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("interview assessment")
        verbose_name_plural = _("interview assessments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=MIN_SCORE, score__lte=MAX_SCORE),
                name="selection_interview_score_range",
            ),
        ]

    def __str__(self):
        return f"{self.interview}: {self.score}"


def export_file_name(instance, filename):
    """A name that cannot be guessed, like applicants' documents."""
    return f"exports/{uuid.uuid4().hex}.xlsx"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ExportJob(models.Model):
    """An Excel export built by the worker (selection.tasks.build_xlsx_export), since a
    large one takes longer than a request may. The file is private: only staff who may
    export download it, through the admin."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    # The selection as it was asked for, the list's filters applied.
    application_ids = models.JSONField(_("applications"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("applications"), default=0)
    done = models.PositiveIntegerField(_("written"), default=0)
    file = models.FileField(
        _("file"),
        storage=get_private_storage,
        upload_to=export_file_name,
        blank=True,
    )
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("Excel export")
        verbose_name_plural = _("Excel exports")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Excel export of %(count)d applications") % {"count": self.total}
