"""The log of every email the portal sends: written before sending (the outbox a worker
sends from), so staff see what is queued or failed and send it again."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EmailStatus(models.TextChoices):
    """queued → sending → sent or failed; failed → queued again (a retry). Only a queued email
    is ever claimed for sending, so a duplicated or retried task never sends twice."""

    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class EmailLog(models.Model):
    """One email: to whom, about what, its text, and how sending went.

    `about` is what the email concerns (an application, say), as a generic relation so this
    app knows nothing of the apps that send mail; they add a GenericRelation to reach it.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,  # a deleted account takes its emails (name and address) along
        null=True,
        blank=True,
        related_name="emails",
    )
    to = models.EmailField(pgettext_lazy("email recipient", "to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    about_type = models.ForeignKey(
        ContentType,
        verbose_name=_("about (kind)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    about_id = models.PositiveBigIntegerField(_("about (id)"), null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    attachments = models.JSONField(
        _("attachments"),
        default=list,
        blank=True,
        help_text=_("Text files sent with the email, such as calendar invitations."),
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "The text holds a link that signs in or resets a password: it is not shown to "
            "staff, and it is erased once the email is sent or given up."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        help_text=_(
            "When a queued or failed email is (re)sent, or when its sending began; empty "
            "once it gives up."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email log entry")
        verbose_name_plural = _("email log entries")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["about_type", "about_id"], name="mail_emaillog_about"),
            models.Index(fields=["status", "next_attempt_at"], name="mail_emaillog_due"),
        ]

    def __str__(self):
        return f"{self.to}: {self.subject}"
