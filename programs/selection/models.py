"""Reviews of applications, and the decision emails staff can edit and follow."""

import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from programs.applications.states import ApplicationState

MIN_SCORE = 1
MAX_SCORE = 5

S = ApplicationState


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
        "programs.Application",
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
        "programs.Application",
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


# The decisions an applicant is told about by an email staff can edit.
DECISION_STATES = [S.SHORTLISTED, S.OFFERED, S.WAITLISTED, S.REJECTED]
PLACEHOLDERS = ["name", "program", "intake", "deadline", "reference"]
PLACEHOLDER_HELP = _(
    "Placeholders: {name}, {program}, {intake}, {deadline} (offer reply deadline), {reference}."
)


def check_placeholders(text):
    """Refuse text that str.format would choke on or that names an unknown placeholder."""
    try:
        fields = {field for _text, field, _spec, _conv in string.Formatter().parse(text) if field}
    except ValueError as error:
        raise ValidationError(
            _("Braces must come in pairs around a placeholder: %(error)s") % {"error": error}
        ) from error
    unknown = sorted(fields - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Unknown placeholder %(unknown)s; use %(known)s.")
            % {
                "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }
        )


class EmailTemplate(models.Model):
    """The email an applicant gets when a decision moves their application to `state`.

    One per decision and language; the applicant's language picks one (notifications.py).
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

    class Meta:
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        ordering = ["state", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "language"], name="selection_template_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.get_state_display()} ({self.get_language_display()})"


class EmailStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class EmailLog(models.Model):
    """Every email to an applicant about their application, so staff see what failed."""

    application = models.ForeignKey(
        "programs.Application",
        verbose_name=_("application"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="email_logs",
    )
    to = models.EmailField(pgettext_lazy("email recipient", "to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    status = models.CharField(_("status"), max_length=10, choices=EmailStatus.choices)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email log entry")
        verbose_name_plural = _("email log")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.to}: {self.subject}"
