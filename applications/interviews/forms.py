"""The student's choice of an interview slot."""

from django import forms
from django.forms import BoundField
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

SLOT_TAKEN = _("Someone else has just booked this slot. Please choose another one.")


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        """In the active time zone: the page renders the form in the visitor's."""
        return _("%(start)s, %(length)d minutes, %(place)s") % {
            "start": date_format(timezone.localtime(slot.starts_at), "DATETIME_FORMAT"),
            "length": slot.length_minutes,
            "place": _("online") if slot.online_url else slot.room,
        }


class SlotBoundField(BoundField):
    """Radios render in a fieldset, for which Django ties no error to them while still
    marking each one invalid: tie it here, so a screen reader reads it with each choice."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            attrs["aria-describedby"] = f"{self.auto_id}_error"
        return attrs


class BookSlotForm(forms.Form):
    slot = SlotChoiceField(
        label=_("Choose a time"),
        queryset=None,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        bound_field_class=SlotBoundField,
        empty_label=None,
        # A slot no longer in the list of free ones was booked by someone else meanwhile.
        error_messages={"invalid_choice": SLOT_TAKEN},
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
