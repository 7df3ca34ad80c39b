"""Referees an applicant names and the letters they send."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from applications.storage import get_private_storage, random_document_name


class LetterStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    OPENED = "opened", _("Opened")
    RECEIVED = "received", _("Received")
    REPLACED = "replaced", _("Replaced")


class RefereeQuerySet(models.QuerySet):
    def current(self):
        """The referees the application counts on: not replaced by the student."""
        return self.filter(replaced_at__isnull=True)


class Referee(models.Model):
    """Someone the student asked for a letter; the status comes from the dates below."""

    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="referees",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    institution = models.CharField(_("institution"), max_length=200)
    relationship = models.CharField(
        _("relationship to the applicant"),
        max_length=200,
        help_text=_("For example “Supervisor of my bachelor's thesis”."),
    )
    # Emails to a referee go out when the student is not there to choose (reminders), so the
    # student chooses once, for every email to this referee.
    language = models.CharField(
        _("language of our emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    opened_at = models.DateTimeField(_("link opened"), null=True, blank=True)
    received_at = models.DateTimeField(_("letter received"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    # The student's reminders (throttled in services.referee_remind) and the portal's one
    # before the deadline (applications.reminders).
    reminded_at = models.DateTimeField(_("last reminded by the student"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders by the student"), default=0)
    deadline_reminded_at = models.DateTimeField(
        _("reminded before the deadline"), null=True, blank=True, editable=False
    )
    email_logs = GenericRelation(
        "mail.EmailLog",
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="referee",
    )

    objects = RefereeQuerySet.as_manager()

    class Meta:
        verbose_name = _("referee")
        verbose_name_plural = _("referees")
        ordering = ["application", "invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "application",
                Lower("email"),
                condition=models.Q(replaced_at__isnull=True),
                name="applications_referee_one_request_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.institution})"

    @property
    def status(self):
        if self.replaced_at:
            return LetterStatus.REPLACED
        if self.received_at:
            return LetterStatus.RECEIVED
        if self.opened_at:
            return LetterStatus.OPENED
        return LetterStatus.INVITED

    @property
    def has_answered(self):
        return self.received_at is not None


class RecommendationLetter(models.Model):
    """A referee's letter: an uploaded PDF or a text written on the referee's page.

    Private like the applicant's documents: only staff who may see the application read it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referee = models.OneToOneField(
        Referee, verbose_name=_("referee"), on_delete=models.CASCADE, related_name="letter"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(
        _("file"),
        storage=get_private_storage,
        upload_to=random_document_name,
        max_length=200,
        blank=True,
    )
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("recommendation letter")
        verbose_name_plural = _("recommendation letters")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(text="") & ~models.Q(file=""))
                | (~models.Q(text="") & models.Q(file="")),
                name="applications_letter_file_or_text",
            ),
        ]

    def __str__(self):
        return _("Letter from %(referee)s") % {"referee": self.referee.name}

    # Served like an applicant's document (applications.documents.document_response).
    content_type = "application/pdf"

    @property
    def is_file(self):
        return bool(self.file)
