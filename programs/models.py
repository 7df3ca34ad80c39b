"""Joint programs, their intakes (application rounds) and the Alibaba supervisors."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Min, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import images

# An open intake is "closing soon" during its last week.
CLOSING_SOON_WINDOW = timedelta(days=7)

# How long a student has to answer an offer, unless the intake says otherwise.
DEFAULT_OFFER_REPLY_DAYS = 14

# The most recommendation letters an intake may ask for.
MAX_REFEREES = 3

# Program pages live at /programs/<slug>/; these slugs are taken by other pages there.
RESERVED_PROGRAM_SLUGS = {"supervisors"}


class ProgramKind(models.TextChoices):
    SUMMER_SCHOOL = "summer_school", _("International Graduate Summer School")
    ZIERIP = "zierip", _("ZIERIP")
    INTERNSHIP = "internship", _("Internship at Alibaba")
    PHD = "phd", _("PhD supervision by Alibaba experts")
    SUMMER_CAMP = "summer_camp", _("Summer camp")
    YOUNG_FELLOW_CAMP = "young_fellow_camp", _("Young Fellow camp")
    TRAINING_BASE = "training_base", _("Joint training base")


class ProgramQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_intake_summary(self, now=None):
        """Annotate what a program card shows about its most relevant intake.

        `featured_status`: the status of the intake a visitor cares about first — an open
        one (soonest deadline), else an upcoming one, else a closed one; None without
        intakes. `next_opening` is when that intake opens, `next_deadline` the soonest
        deadline still ahead. Each status comes from IntakeQuerySet.with_status.
        """
        now = now or timezone.now()
        intakes = Intake.objects.filter(program=OuterRef("pk")).with_status(now)
        featured = intakes.annotate(
            status_rank=Case(
                When(current_status__in=ACCEPTING_STATUSES, then=Value(0)),
                When(current_status=IntakeStatus.UPCOMING, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        ).order_by("status_rank", "closes_at", "pk")
        ahead = intakes.exclude(current_status=IntakeStatus.CLOSED).order_by("closes_at", "pk")
        return self.annotate(
            featured_status=Subquery(featured.values("current_status")[:1]),
            next_opening=Subquery(featured.values("opens_at")[:1]),
            next_deadline=Subquery(ahead.values("closes_at")[:1]),
        )


class Program(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=ProgramKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    host_organisations = models.ManyToManyField(
        "partnership.Organisation",
        verbose_name=_("host organisations"),
        related_name="hosted_programs",
        blank=True,
    )
    partner_organisations = models.ManyToManyField(
        "partnership.Organisation",
        verbose_name=_("partner organisations"),
        related_name="partnered_programs",
        blank=True,
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    eligibility = models.TextField(_("audience and eligibility"), blank=True)
    study_weeks = models.PositiveSmallIntegerField(_("weeks of study"), null=True, blank=True)
    internship_weeks = models.PositiveSmallIntegerField(
        _("weeks of internship"), null=True, blank=True
    )
    cover_image = models.ImageField(
        _("cover image"),
        upload_to="programs/covers/",
        blank=True,
        help_text=_("Resized and stripped of EXIF metadata (such as location) on save."),
    )
    cover_card = models.ImageField(
        _("cover image, card size"), upload_to="programs/covers/", blank=True, editable=False
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(
        excluded_fields=["updated_at"], m2m_fields=[host_organisations, partner_organisations]
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if images.image_needs_renditions(self.cover_image):
            images.replace_with_renditions(
                self,
                "cover_image",
                [
                    ("cover_image", (images.COVER_MAX_SIZE, False)),
                    ("cover_card", (images.COVER_CARD_SIZE, True)),
                ],
            )
        elif not self.cover_image:
            self.cover_card = ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programs:detail", kwargs={"slug": self.slug})

    @property
    def is_phd(self):
        """The PhD program: supervised by Alibaba experts, applicants choose supervisors."""
        return self.kind == ProgramKind.PHD

    def clean(self):
        if self.slug in RESERVED_PROGRAM_SLUGS:
            raise ValidationError({"slug": _("This address is used by another page.")})

    @property
    def featured_status_label(self):
        """Label of `featured_status` (set by ProgramQuerySet.with_intake_summary)."""
        status = getattr(self, "featured_status", None)
        return IntakeStatus(status).label if status else None


class IntakeStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


# The statuses in which an intake takes applications.
ACCEPTING_STATUSES = (IntakeStatus.OPEN, IntakeStatus.CLOSING_SOON)


class IntakeQuerySet(models.QuerySet):
    """The one place that says, from the clock, whether an intake takes applications.

    An intake is open from `opens_at` (inclusive) until `closes_at` (exclusive).
    """

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def closing_soon(self, now=None):
        now = now or timezone.now()
        return self.open(now).filter(closes_at__lte=now + CLOSING_SOON_WINDOW)

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def with_status(self, now=None):
        """Annotate `current_status` (an IntakeStatus value) for filtering and sorting."""
        now = now or timezone.now()
        return self.annotate(
            current_status=Case(
                When(opens_at__gt=now, then=Value(IntakeStatus.UPCOMING)),
                When(closes_at__lte=now, then=Value(IntakeStatus.CLOSED)),
                When(
                    closes_at__lte=now + CLOSING_SOON_WINDOW, then=Value(IntakeStatus.CLOSING_SOON)
                ),
                default=Value(IntakeStatus.OPEN),
                output_field=models.CharField(),
            )
        )

    def next_status_change(self, now=None):
        """The first instant after `now` at which one of these intakes changes status (it opens,
        starts closing soon or closes), or None: pages showing a status stay true until then."""
        now = now or timezone.now()
        found = self.aggregate(
            opening=Min("opens_at", filter=Q(opens_at__gt=now)),
            closing_soon=Min("closes_at", filter=Q(closes_at__gt=now + CLOSING_SOON_WINDOW)),
            closing=Min("closes_at", filter=Q(closes_at__gt=now)),
        )
        if found["closing_soon"]:
            found["closing_soon"] -= CLOSING_SOON_WINDOW
        return min(filter(None, found.values()), default=None)


class Intake(models.Model):
    """One application round of a program, e.g. "Summer 2027"."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="intakes"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_('For example "Summer 2027".'))
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    starts_on = models.DateField(_("program starts"))
    ends_on = models.DateField(_("program ends"))
    capacity = models.PositiveIntegerField(_("seats"))
    offer_reply_days = models.PositiveSmallIntegerField(
        _("days to reply to an offer"),
        default=DEFAULT_OFFER_REPLY_DAYS,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Each offer must be accepted or declined within this many days of being made; "
            "its deadline is fixed when it is made, so changing this affects later offers only."
        ),
    )
    requires_cv = models.BooleanField(_("CV required"), default=True)
    requires_transcript = models.BooleanField(_("transcript required"), default=True)
    requires_photo = models.BooleanField(_("photo required"), default=False)
    requires_statement = models.BooleanField(_("motivation statement required"), default=True)
    referees_required = models.PositiveSmallIntegerField(
        _("referees required"),
        default=0,
        validators=[MaxValueValidator(MAX_REFEREES)],
        help_text=_("How many recommendation letters an applicant needs (0–3)."),
    )
    letters_due_at = models.DateTimeField(
        _("letters due"),
        null=True,
        blank=True,
        help_text=_("Referees' links stop working at this time. Needed when referees are."),
    )
    submit_before_letters = models.BooleanField(
        _("submission before the letters arrive"),
        default=False,
        help_text=_(
            "Applicants may submit once they have named their referees; the letters follow "
            "until they are due."
        ),
    )
    interview_change_cutoff_hours = models.PositiveSmallIntegerField(
        _("interview booking closes (hours before)"),
        default=24,
        help_text=_("Students book or change an interview slot until this many hours before it."),
    )
    history = HistoricalRecords()

    objects = IntakeQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["closes_at"]
        constraints = [
            models.UniqueConstraint(fields=["program", "name"], name="programs_intake_unique_name"),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="programs_intake_closes_after_opens"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="programs_intake_ends_after_starts"
            ),
            models.CheckConstraint(
                condition=Q(referees_required__lte=MAX_REFEREES),
                name="programs_intake_referees_at_most_three",
            ),
        ]

    def __str__(self):
        return f"{self.program} — {self.name}"

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Applications must close after they open.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The program cannot end before it starts.")
        if self.referees_required and not self.letters_due_at:
            errors["letters_due_at"] = _("Say by when the referees' letters are due.")
        if errors:
            raise ValidationError(errors)

    def status_at(self, now=None):
        """The same rule as IntakeQuerySet.with_status, for one loaded intake."""
        now = now or timezone.now()
        if self.opens_at > now:
            return IntakeStatus.UPCOMING
        if self.closes_at <= now:
            return IntakeStatus.CLOSED
        if self.closes_at <= now + CLOSING_SOON_WINDOW:
            return IntakeStatus.CLOSING_SOON
        return IntakeStatus.OPEN

    @property
    def status(self):
        return IntakeStatus(self.status_at())

    @property
    def is_open(self):
        return self.status in ACCEPTING_STATUSES

    def offer_reply_deadline(self, offered_at):
        """The reply deadline of an offer made at `offered_at`."""
        return offered_at + timedelta(days=self.offer_reply_days)

    def accepts_letters(self, now=None):
        """Referees can be named, reminded and send letters until the letters are due."""
        now = now or timezone.now()
        return bool(self.referees_required and self.letters_due_at and now < self.letters_due_at)


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    CHOICE = "choice", _("Choice")
    YES_NO = "yes_no", _("Yes / no")


class IntakeQuestion(models.Model):
    """An extra question staff ask on the application form of one intake."""

    intake = models.ForeignKey(
        Intake, verbose_name=_("intake"), on_delete=models.CASCADE, related_name="questions"
    )
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For choice questions: one option per line.")
    )
    required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")
        ordering = ["intake", "position", "pk"]

    def __str__(self):
        return self.label

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.kind == QuestionKind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("A choice question needs at least two options.")})


class SupervisorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ResearchArea(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("research area")
        verbose_name_plural = _("research areas")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Supervisor(models.Model):
    """An Alibaba expert acting as part-time PhD supervisor at Zhejiang University."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    unit = models.ForeignKey(
        "partnership.Organisation",
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervisors",
    )
    research_areas = models.ManyToManyField(
        ResearchArea, verbose_name=_("research areas"), related_name="supervisors", blank=True
    )
    photo = models.ImageField(
        _("photo"),
        upload_to="supervisors/",
        blank=True,
        help_text=_("Resized and stripped of EXIF metadata (such as location) on save."),
    )
    photo_thumbnail = models.ImageField(
        _("photo thumbnail"), upload_to="supervisors/", blank=True, editable=False
    )
    profile = models.TextField(_("profile"), blank=True)
    yearly_quota = models.PositiveSmallIntegerField(_("students per year"), default=1)
    is_active = models.BooleanField(_("active"), default=True)
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Demo profiles are marked as examples on the public pages."),
    )
    history = HistoricalRecords(m2m_fields=[research_areas])

    objects = SupervisorQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervisor")
        verbose_name_plural = _("supervisors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if images.image_needs_renditions(self.photo):
            images.replace_with_renditions(
                self,
                "photo",
                [
                    ("photo", (images.PHOTO_MAX_SIZE, False)),
                    ("photo_thumbnail", (images.PHOTO_THUMBNAIL_SIZE, True)),
                ],
            )
        elif not self.photo:
            self.photo_thumbnail = ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programs:supervisor_detail", kwargs={"slug": self.slug})
