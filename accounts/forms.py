import unicodedata
from datetime import date

from django import forms
from django.conf import settings
from django.contrib.auth.forms import (
    AdminUserCreationForm,
    PasswordResetForm,
    UserChangeForm,
    UserCreationForm,
)
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from accounts.models import StudentProfile, User
from accounts.services import (
    DUPLICATE_EMAIL_MESSAGE,
    password_reset_email_allowed,
    user_set_language,
)
from accounts.validators import (
    normalise_name,
    normalise_phone,
    validate_chinese_name,
    validate_latin_name,
    validate_phone,
)
from mail.services import email_send


class AdminEmailUserCreationForm(AdminUserCreationForm):
    """Django's admin add-user form, keyed on email instead of a username."""

    class Meta:
        model = User
        fields = ["email"]


class AdminEmailUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class SignUpForm(UserCreationForm):
    """Email and password; Django's password validators run against the new user."""

    class Meta:
        model = User
        fields = ["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["email"].help_text = _("We send a link to this address to confirm it.")

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(DUPLICATE_EMAIL_MESSAGE, code="duplicate_email")
        return email


class DateInput(forms.DateInput):
    """<input type="date">, whose value must be a real date: an impossible one sent back with
    its error (say 2001-02-31, typed where the browser has no date picker) shows as empty."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            try:
                if len(value) != len("YYYY-MM-DD"):
                    raise ValueError(value)
                date.fromisoformat(value)
            except ValueError:
                return None
        return super().format_value(value)


DATE_WIDGET = DateInput(format="%Y-%m-%d")
YOUNGEST_AGE = 15
OLDEST_AGE = 80


class StudentProfileForm(forms.ModelForm):
    """The profile every application reuses; each field may be filled in over time."""

    class Meta:
        model = StudentProfile
        fields = StudentProfile.STUDENT_FIELDS
        widgets = {
            "date_of_birth": DATE_WIDGET,
            "expected_graduation": DATE_WIDGET,
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "given_name": _("As in your passport, e.g. “Wei”."),
            "family_name": _("As in your passport, e.g. “Li”."),
            "name_chinese": _("Optional, e.g. “李伟”."),
            "phone": _("With country code, e.g. “+86 571 8795 1234”."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["family_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["date_of_birth"].widget.attrs["autocomplete"] = "bday"

    def clean_given_name(self):
        return self._clean_latin_name("given_name")

    def clean_family_name(self):
        return self._clean_latin_name("family_name")

    def _clean_latin_name(self, field_name):
        value = normalise_name(self.cleaned_data[field_name])
        validate_latin_name(value)
        return value

    def clean_name_chinese(self):
        value = "".join(unicodedata.normalize("NFC", self.cleaned_data["name_chinese"]).split())
        validate_chinese_name(value)
        return value

    def clean_phone(self):
        value = normalise_phone(self.cleaned_data["phone"])
        if value:
            validate_phone(value)
        return value

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born is None:
            return born
        today = timezone.localdate()
        if born >= today:
            raise ValidationError(_("The date of birth must be in the past."), code="future")
        if not _years_before(today, OLDEST_AGE) <= born <= _years_before(today, YOUNGEST_AGE):
            raise ValidationError(
                _(
                    "Please check the date of birth: applicants are between %(youngest)d and "
                    "%(oldest)d years old."
                ),
                code="implausible",
                params={"youngest": YOUNGEST_AGE, "oldest": OLDEST_AGE},
            )
        return born

    def clean_expected_graduation(self):
        graduation = self.cleaned_data["expected_graduation"]
        if graduation is None:
            return graduation
        today = timezone.localdate()
        if not _years_before(today, 50) <= graduation <= _years_before(today, -10):
            raise ValidationError(
                _("Please check the graduation date: it should be within ten years from now."),
                code="implausible",
            )
        return graduation

    def clean(self):
        cleaned = super().clean()
        born, graduation = cleaned.get("date_of_birth"), cleaned.get("expected_graduation")
        if born and graduation and graduation <= _years_before(born, -YOUNGEST_AGE):
            self.add_error(
                "expected_graduation",
                ValidationError(
                    _("The graduation date must be well after the date of birth."),
                    code="before_birth",
                ),
            )
        return cleaned


class ProfilePageForm(StudentProfileForm):
    """The student's profile page: the profile, and the language of the emails we send."""

    # Not required, like every field of the profile: a post without it (the page's select
    # always sends one) keeps the language as it is.
    language = forms.ChoiceField(
        required=False,
        label=_("Language of our emails"),
        # Each language by its own name, as in the language switcher.
        choices=[
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ],
        help_text=_(
            "Emails about your applications, such as our decisions, come in this language."
        ),
        error_messages={
            "invalid_choice": _(
                "We do not write emails in “%(value)s”. Choose a language from the list."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = self.instance.user.language

    def save(self, commit=True):
        profile = super().save(commit)
        if commit:
            user_set_language(user=profile.user, language=self.cleaned_data["language"])
        return profile


def _years_before(day, years):
    """The same calendar day `years` earlier (later if negative); 29 February → 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's reset form, but no address gets more reset emails than the limits allow, and
    the email goes through the log and the queue (confidential: it holds the reset link)."""

    def get_users(self, email):
        if not password_reset_email_allowed(email):
            return iter(())
        return super().get_users(email)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """In the account's language, as all our emails are, linking to the page in it."""
        with translation.override(context["user"].language):
            subject = "".join(render_to_string(subject_template_name, context).splitlines())
            body = render_to_string(email_template_name, context)
        email_send(
            to=to_email, subject=subject, body=body, recipient=context["user"], confidential=True
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
