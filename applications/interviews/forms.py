"""The student's choice of an interview slot."""

from django import forms
from django.utils.translation import gettext_lazy as _

SLOT_TAKEN = _("Someone else has just booked this slot. Please choose another one.")


class BookSlotForm(forms.Form):
    """The page lists the slots itself, by day (applications/interview.html); the form checks
    that the one sent is still free."""

    slot = forms.ModelChoiceField(
        label=_("Choose a time"),
        queryset=None,
        # A slot no longer among the free ones was booked by someone else meanwhile.
        error_messages={"invalid_choice": SLOT_TAKEN},
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
