"""Forms of the application steps. They check input; the services save it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.documents import clean_pdf, clean_photo
from applications.models import (
    MAX_SUPERVISOR_CHOICES,
    STATEMENT_MAX_CHARS,
    STATEMENT_MIN_CHARS,
    DocumentKind,
)
from core.content_language import ContentSelect
from programs.models import QuestionKind, Supervisor

YES_NO = [("", "—"), ("yes", _("Yes")), ("no", _("No"))]


def question_field(question):
    # Drafts may leave questions open; submission names the required ones still unanswered.
    common = {"label": question.label, "help_text": question.help_text, "required": False}
    if question.kind == QuestionKind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, **common)
    if question.kind == QuestionKind.CHOICE:
        choices = [("", "—"), *((option, option) for option in question.choice_list)]
        return forms.ChoiceField(choices=choices, widget=ContentSelect, **common)
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, **common)
    return forms.CharField(max_length=500, **common)


class StatementForm(forms.Form):
    """Drafts may be incomplete: only the upper limit is enforced here; submission checks
    the rest and says what is missing."""

    statement = forms.CharField(
        label=_("Motivation statement"),
        required=False,
        max_length=STATEMENT_MAX_CHARS,
        strip=True,
        widget=forms.Textarea(
            attrs={
                "rows": 12,
                "data-min-chars": STATEMENT_MIN_CHARS,
                "data-max-chars": STATEMENT_MAX_CHARS,
                "data-counter": "statement-counter",
                "aria-describedby": "id_statement_helptext statement-counter",
            }
        ),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statement"].help_text = _("Between %(min)d and %(max)d characters.") % {
            "min": STATEMENT_MIN_CHARS,
            "max": STATEMENT_MAX_CHARS,
        }
        self.questions = list(application.intake.questions.all())
        for question in self.questions:
            name = f"question_{question.pk}"
            self.fields[name] = question_field(question)
            self.fields[name].initial = application.answers.get(str(question.pk), "")
            if question.required:
                self.fields[name].label = f"{question.label} *"

    def question_fields(self):
        return [self[f"question_{question.pk}"] for question in self.questions]

    def answers(self):
        return {
            str(question.pk): self.cleaned_data.get(f"question_{question.pk}", "")
            for question in self.questions
        }


class DocumentsForm(forms.Form):
    """Each file is checked on its own, so one bad upload does not lose the good ones."""

    cv = forms.FileField(
        label=_("CV (PDF, up to 10 MB)"),
        required=False,
        allow_empty_file=True,  # clean_pdf/clean_photo refuse it, naming the file
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    transcript = forms.FileField(
        label=_("Transcript (PDF, up to 10 MB)"),
        required=False,
        allow_empty_file=True,  # clean_pdf/clean_photo refuse it, naming the file
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    photo = forms.FileField(
        label=_("Photo (JPEG or PNG, up to 5 MB)"),
        required=False,
        allow_empty_file=True,  # clean_pdf/clean_photo refuse it, naming the file
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )

    def __init__(self, *args, required_kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        for kind in DocumentKind.values:
            if kind not in required_kinds:
                self.fields[kind].label = _("%(label)s — optional") % {
                    "label": self.fields[kind].label
                }

    def clean_cv(self):
        upload = self.cleaned_data.get("cv")
        return clean_pdf(upload) if upload else None

    def clean_transcript(self):
        upload = self.cleaned_data.get("transcript")
        return clean_pdf(upload) if upload else None

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return clean_photo(upload) if upload else None

    def accepted_uploads(self):
        """The uploads that passed their checks, by kind, even when another one failed."""
        return {
            kind: self.cleaned_data[kind]
            for kind in DocumentKind.values
            if self.cleaned_data.get(kind) is not None
        }


class SupervisorsForm(forms.Form):
    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        current = {c.rank: c.supervisor_id for c in application.supervisor_choices.all()}
        labels = [_("First choice"), _("Second choice (optional)"), _("Third choice (optional)")]
        for rank in range(1, MAX_SUPERVISOR_CHOICES + 1):
            self.fields[f"choice_{rank}"] = forms.ModelChoiceField(
                label=labels[rank - 1],
                queryset=Supervisor.objects.active(),
                required=rank == 1,
                initial=current.get(rank),
                widget=ContentSelect,
            )

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(f"choice_{rank}") for rank in range(1, MAX_SUPERVISOR_CHOICES + 1)]
        supervisors = [supervisor for supervisor in chosen if supervisor is not None]
        if len({s.pk for s in supervisors}) != len(supervisors):
            raise forms.ValidationError(_("Choose each supervisor only once."))
        if chosen[2] is not None and chosen[1] is None:
            self.add_error("choice_2", _("Fill in your second choice before your third."))
        cleaned["supervisors"] = supervisors
        return cleaned
