from django import forms
from django.conf import settings
from django.forms import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.interviews.models import (
    MAX_LENGTH_MINUTES,
    MAX_SLOTS_AT_ONCE,
    MIN_LENGTH_MINUTES,
)
from applications.placeholders import PLACEHOLDER_HELP, check_placeholders
from selection import rules
from selection.models import MAX_SCORE, MIN_SCORE

SCORE_CHOICES = [(score, str(score)) for score in range(MIN_SCORE, MAX_SCORE + 1)]


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name()
        return f"{name} <{user.email}>" if name else user.email


class AssignReviewerForm(forms.Form):
    # Each form gets a fresh copy of this queryset (ModelChoiceField copies it per form).
    reviewer = ReviewerChoiceField(
        queryset=rules.reviewers().order_by("last_name", "first_name", "email"),
        label=_("Reviewer"),
    )


class ApplicantEmailForm(forms.Form):
    """A message from staff to the selected applicants, with an optional Chinese version for
    applicants who chose Chinese for our emails."""

    CHINESE = "zh-hans"

    subject = forms.CharField(label=_("Subject"), max_length=200, validators=[check_placeholders])
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        validators=[check_placeholders],
        help_text=PLACEHOLDER_HELP,
    )
    subject_zh = forms.CharField(
        label=_("Subject in Chinese"),
        max_length=200,
        required=False,
        validators=[check_placeholders],
    )
    body_zh = forms.CharField(
        label=_("Message in Chinese"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        validators=[check_placeholders],
        help_text=_("Optional. Applicants who chose Chinese get this version when it is given."),
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("subject_zh")) != bool(cleaned.get("body_zh")):
            raise forms.ValidationError(
                _("Give both a Chinese subject and a Chinese message, or neither.")
            )
        return cleaned

    def texts(self):
        """{language: (subject, body)}: the default language always, Chinese when given."""
        data = self.cleaned_data
        texts = {settings.LANGUAGE_CODE: (data["subject"], data["body"])}
        if data["subject_zh"]:
            texts[self.CHINESE] = (data["subject_zh"], data["body_zh"])
        return texts


class ScoreBoundField(BoundField):
    """A radio group renders as a fieldset, for which Django ties no help text or error to
    the radios while still marking each one invalid: tie them here, so a screen reader reads
    the error with each choice."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        described_by = [f"{self.auto_id}_helptext"] if self.help_text else []
        if self.errors:
            described_by.append(f"{self.auto_id}_error")
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
        return attrs


class ReviewForm(forms.Form):
    """One 1–5 choice per criterion of the intake, and a comment."""

    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("What should the selection committee know? Applicants never see this."),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        fields = {}
        for criterion in self.criteria:
            fields[self.field_name(criterion)] = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.description,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                bound_field_class=ScoreBoundField,
            )
        # Scores first, in the intake's order, then the comment.
        self.fields = {**fields, "comment": self.fields["comment"]}

    @staticmethod
    def field_name(criterion):
        return f"criterion_{criterion.pk}"

    def scores(self):
        return {
            criterion: self.cleaned_data[self.field_name(criterion)] for criterion in self.criteria
        }


class PublishSlotsForm(forms.Form):
    """Slots one after another, as a manager publishes them in bulk; times in the admin's
    time zone (settings.TIME_ZONE), which the form says."""

    interviewer = ReviewerChoiceField(queryset=None, label=_("Interviewer"))
    first_start = forms.DateTimeField(
        label=_("First slot starts"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    count = forms.IntegerField(
        label=_("Number of slots"), min_value=1, max_value=MAX_SLOTS_AT_ONCE, initial=6
    )
    length_minutes = forms.IntegerField(
        label=_("Length of each, in minutes"),
        min_value=MIN_LENGTH_MINUTES,
        max_value=MAX_LENGTH_MINUTES,
        initial=20,
    )
    break_minutes = forms.IntegerField(
        label=_("Break between slots, in minutes"), min_value=0, max_value=120, initial=10
    )
    room = forms.CharField(label=_("Room"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"),
        required=False,
        assume_scheme="https",
        help_text=_("Give a room, a link, or both."),
    )

    def __init__(self, *args, interviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].queryset = interviewers
        self.fields["first_start"].help_text = _("In %(zone)s time.") % {
            "zone": timezone.get_current_timezone_name()
        }

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("room") or cleaned.get("online_url")) and not self.has_error(
            "online_url"
        ):
            self.add_error("room", _("Give a room or an online meeting link."))
        return cleaned


class InterviewAssessmentForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Score"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        bound_field_class=ScoreBoundField,
        help_text=_("1 = weak, 5 = excellent."),
    )
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_(
            "For the selection committee, read with the reviews. Applicants never see this."
        ),
    )
