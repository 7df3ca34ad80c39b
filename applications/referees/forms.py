"""The student's form naming a referee, and the referee's letter form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from applications.documents import clean_pdf
from applications.referees.models import Referee

LETTER_MIN_CHARS = 100
LETTER_MAX_CHARS = 20000


class RefereeForm(forms.ModelForm):
    class Meta:
        model = Referee
        fields = ["name", "email", "institution", "relationship", "language"]
        labels = {"language": _("Language of the emails to this referee")}


class LetterForm(forms.Form):
    """A PDF or a text, not both; a refused file keeps the text typed beside it."""

    language = forms.ChoiceField(label=_("Language of the letter"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("Upload the letter (PDF, up to 10 MB)"),
        required=False,
        allow_empty_file=True,  # clean_pdf refuses it, naming the file
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    text = forms.CharField(
        label=_("Or write the letter here"),
        required=False,
        max_length=LETTER_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 14}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _("Between %(min)d and %(max)d characters.") % {
            "min": LETTER_MIN_CHARS,
            "max": LETTER_MAX_CHARS,
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return clean_pdf(upload) if upload else None

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        if text and len(text) < LETTER_MIN_CHARS:
            raise forms.ValidationError(
                _("The letter has %(count)d characters; it needs at least %(min)d.")
                % {"count": len(text), "min": LETTER_MIN_CHARS}
            )
        return text

    def clean(self):
        cleaned = super().clean()
        has_file = cleaned.get("file") is not None
        has_text = bool(cleaned.get("text"))
        if self.errors.get("file") or self.errors.get("text"):
            return cleaned
        if has_file and has_text:
            raise forms.ValidationError(
                _("Upload a PDF or write the letter, not both: clear one of them.")
            )
        if not (has_file or has_text):
            raise forms.ValidationError(_("Upload your letter as a PDF or write it below."))
        return cleaned
