"""GET filters of the public pages: every filtered view is a shareable URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.content_language import ContentSelect
from partnership.models import Organisation
from programs.models import IntakeStatus, ProgramKind, ResearchArea


class CatalogSort:
    DEADLINE = "deadline"
    TITLE = "title"
    CHOICES = [(DEADLINE, _("Next deadline")), (TITLE, _("Title"))]


# "Open" on the filter means "takes applications now", which includes closing soon.
STATUS_CHOICES = [
    (IntakeStatus.OPEN, _("Open for applications")),
    (IntakeStatus.CLOSING_SOON, IntakeStatus.CLOSING_SOON.label),
    (IntakeStatus.UPCOMING, IntakeStatus.UPCOMING.label),
    (IntakeStatus.CLOSED, IntakeStatus.CLOSED.label),
]


class LenientForm(forms.Form):
    """A filter form whose invalid fields are dropped instead of failing the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def valid_filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def asked_values(self):
        """Each field's values as the address asks for them, valid or not: what the form
        shows, so what its kept part varies on."""
        return [(name, self.data.getlist(name)) for name in self.fields]


class CatalogFilterForm(LenientForm):
    q = forms.CharField(
        label=_("Search"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *ProgramKind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *STATUS_CHOICES], required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        empty_label=_("All organisations"),
        required=False,
        widget=ContentSelect,
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=CatalogSort.CHOICES, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class SupervisorFilterForm(LenientForm):
    area = forms.ModelChoiceField(
        label=_("Research area"),
        queryset=ResearchArea.objects.all(),
        to_field_name="slug",
        empty_label=_("All research areas"),
        required=False,
        widget=ContentSelect,
    )
