"""The portal's user: email is the login identifier, there is no username."""

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _

# What the staff search finds a person by (User.search_text), on the account and its profile.
USER_SEARCH_FIELDS = ("email", "first_name", "last_name")
PROFILE_SEARCH_FIELDS = ("given_name", "family_name", "name_chinese", "university")


def search_text(user, profile):
    """The searched columns of an account and its profile (or None) in one text, a line each,
    so that a word never runs across two of them."""
    values = [getattr(user, name) for name in USER_SEARCH_FIELDS]
    if profile is not None:
        values += [getattr(profile, name) for name in PROFILE_SEARCH_FIELDS]
    return "\n".join(value for value in values if value)


def search_text_refresh(users):
    """Write each user's search_text anew (after bulk_create or a migration, which skip save());
    `users` is a queryset of the User model, historical or not."""
    changed = []
    for user in users.select_related("profile").iterator(chunk_size=2_000):
        text = search_text(user, getattr(user, "profile", None))
        if text != user.search_text:
            user.search_text = text
            changed.append(user)
    users.model.objects.bulk_update(changed, ["search_text"], batch_size=2_000)


def supported_language(code):
    """The code in settings.LANGUAGES for `code` ("zh-Hans", "zh-cn" → "zh-hans"), or None."""
    try:
        return get_supported_language_variant(code or "").lower()
    except LookupError:
        return None


class UserManager(DjangoUserManager):
    """Creates users by email; looks them up case-insensitively at login."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # "Alice@Example.org" and "alice@example.org" are the same person.
        return self.get(email__iexact=username)

    @classmethod
    def normalize_email(cls, email):
        return (email or "").strip().lower()


class User(AbstractUser):
    username = None  # type: ignore[assignment]  # the email address is the login
    email = models.EmailField(_("email address"), unique=True)
    email_verified_at = models.DateTimeField(_("email verified"), null=True, blank=True)
    # Emails sent outside the user's own request (staff decisions) are written in it.
    language = models.CharField(
        _("language of our emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # The staff search of applications looks in this one column (a trigram index on
    # PostgreSQL) instead of seven across two joined tables: 0.05 s instead of 0.5 s at
    # 100,000 applications (bench/selection.py). Kept by save() here and in StudentProfile.
    search_text = models.TextField(_("searched text"), editable=False, blank=True, default="")

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self):
        """The one rule for a student's name, on staff pages and in every email: the name of
        the profile, else the account's, else (nothing given yet) the email address."""
        profile = getattr(self, "profile", None)
        return str(profile) if profile is not None else str(self)

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is None or set(update_fields) & set(USER_SEARCH_FIELDS):
            # A new account has no profile yet; the profile's own save() adds its part.
            profile = getattr(self, "profile", None) if self.pk else None
            self.search_text = search_text(self, profile)
            if update_fields is not None:
                update_fields = {*update_fields, "search_text"}
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def is_email_verified(self):
        return self.email_verified_at is not None


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class DegreeLevel(models.TextChoices):
    BACHELOR = "bachelor", _("Bachelor's")
    MASTER = "master", _("Master's")
    PHD = "phd", _("PhD")


class StudentProfile(models.Model):
    """What a student tells us once and every application reuses."""

    user = models.OneToOneField(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="profile"
    )
    given_name = models.CharField(_("given name (Latin script)"), max_length=100, blank=True)
    family_name = models.CharField(_("family name (Latin script)"), max_length=100, blank=True)
    name_chinese = models.CharField(_("name in Chinese characters"), max_length=50, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    university = models.CharField(_("university"), max_length=200, blank=True)
    degree_level = models.CharField(
        _("degree level"), max_length=20, choices=DegreeLevel.choices, blank=True
    )
    major = models.CharField(_("major"), max_length=200, blank=True)
    expected_graduation = models.DateField(_("expected graduation"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # What the student fills in, in form order; the profile form, the staff's application
    # page and the export all show these.
    STUDENT_FIELDS = [
        "given_name",
        "family_name",
        "name_chinese",
        "gender",
        "date_of_birth",
        "nationality",
        "university",
        "degree_level",
        "major",
        "expected_graduation",
        "phone",
    ]

    # What an application needs before it can be submitted: all but these two.
    REQUIRED_FOR_APPLICATION = [
        name for name in STUDENT_FIELDS if name not in {"name_chinese", "gender"}
    ]

    class Meta:
        verbose_name = _("student profile")
        verbose_name_plural = _("student profiles")
        # The staff list's university filter: its choices and the rows of one university.
        indexes = [models.Index(fields=["university"], name="accounts_profile_university")]

    def __str__(self):
        return f"{self.given_name} {self.family_name}".strip() or str(self.user)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._user_search_text_write(self)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._user_search_text_write(None)
        return result

    def _user_search_text_write(self, profile):
        text = search_text(self.user, profile)
        User.objects.filter(pk=self.user_id).update(search_text=text)
        self.user.search_text = text

    def missing_fields(self):
        """Verbose names of the fields an application still needs."""
        return [
            self._meta.get_field(name).verbose_name
            for name in self.REQUIRED_FOR_APPLICATION
            if not getattr(self, name)
        ]
