"""The partnership itself: agreements, principles, people, fields, key figures and milestones."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnership.models.news import ArticleBlock, source_key_field
from partnership.models.organisations import Organisation


class Person(models.Model):
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=300)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source_key = source_key_field()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Agreement(models.Model):
    """A cooperation agreement between Zhejiang University and Alibaba Group."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    signed_on = models.DateField(_("signed on"))
    day_known = models.BooleanField(
        _("day known"), default=False, help_text=_("Otherwise only the month is shown.")
    )
    place = models.CharField(_("place of signing"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    source_key = source_key_field()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["signed_on", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnership:overview") + f"#agreement-{self.slug}"

    # Both read the prefetched `points`, so listing agreements costs no extra query each.
    @property
    def principles(self):
        return [p for p in self.points.all() if p.kind == AgreementPointKind.PRINCIPLE]

    @property
    def commitments(self):
        return [p for p in self.points.all() if p.kind == AgreementPointKind.COMMITMENT]


class AgreementPointKind(models.TextChoices):
    PRINCIPLE = "principle", _("Cooperation principle")
    COMMITMENT = "commitment", _("Commitment")


class AgreementPoint(models.Model):
    """A principle the parties adhere to, or one thing the agreement commits them to."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="points"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementPointKind.choices)
    text = models.CharField(_("text"), max_length=400)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source_key = source_key_field()

    class Meta:
        verbose_name = _("agreement point")
        verbose_name_plural = _("agreement points")
        ordering = ["agreement", "kind", "position", "pk"]

    def __str__(self):
        return self.text


class CeremonyPart(models.TextChoices):
    ATTENDED = "attended", _("Attended the ceremony")
    SIGNED = "signed", _("Signed on behalf of the parties")
    HOSTED = "hosted", _("Hosted the ceremony")


class CeremonyParticipant(models.Model):
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="ceremonies"
    )
    part = models.CharField(_("part"), max_length=20, choices=CeremonyPart.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source_key = source_key_field()

    class Meta:
        verbose_name = _("ceremony participant")
        verbose_name_plural = _("ceremony participants")
        ordering = ["agreement", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "person", "part"], name="partnership_participant_unique_part"
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.get_part_display()}"


class ResearchFieldKind(models.TextChoices):
    JOINT_RESEARCH = "joint_research", _("Joint research field")
    NEW_INFRASTRUCTURE = "new_infrastructure", _("New-infrastructure field")
    EXCHANGE_DOMAIN = "exchange_domain", _("Domain of exchange since 2017")


class ResearchField(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=ResearchFieldKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source_key = source_key_field()

    class Meta:
        verbose_name = _("research field")
        verbose_name_plural = _("research fields")
        ordering = ["kind", "position", "name"]

    def __str__(self):
        return self.name


class KeyFigure(models.Model):
    """A number worth a headline, e.g. "11" — "Alibaba experts are part-time PhD supervisors"."""

    value = models.CharField(_("value"), max_length=20)
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source_key = source_key_field()

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.value} {self.label}"


class MilestoneQuerySet(models.QuerySet):
    def in_date_order(self):
        """Past milestones oldest first, then planned ones (which have no date yet)."""
        return self.order_by("is_planned", "happened_on", "pk")

    def for_display(self):
        return self.select_related("source_block__article")


class Milestone(models.Model):
    happened_on = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Use the 1st of the month when only the month is known."),
    )
    day_known = models.BooleanField(
        _("day known"), default=False, help_text=_("Otherwise only the month is shown.")
    )
    is_planned = models.BooleanField(
        _("planned"), default=False, help_text=_("Planned milestones may have no date yet.")
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    source_block = models.ForeignKey(
        ArticleBlock,
        verbose_name=_("source paragraph"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), related_name="milestones", blank=True
    )
    source_key = source_key_field()

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["is_planned", "happened_on", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.is_planned and not self.happened_on:
            raise ValidationError({"happened_on": _("A milestone that happened needs a date.")})
        if self.happened_on and not self.day_known and self.happened_on.day != 1:
            raise ValidationError(
                {"happened_on": _("Use the 1st of the month, or tick “day known”.")}
            )
