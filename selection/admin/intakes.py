"""The intake forms of the programs admin, with what the staff side adds: an intake's capacity
can never drop below the seats its offers and acceptances hold, and its review criteria are
edited on its page (a new intake gets the default ones).

programs cannot know about applications and reviews (the apps depend one way), so the staff
side adds them to the intake page and to the intakes inline of the program page.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import ngettext

from applications.seats import lock_intake, seats_taken
from programs import admin as programs_admin
from programs.models import Intake, Program
from selection.models import ReviewCriterion
from selection.services import criteria_ensure_defaults


class IntakeCapacityForm(forms.ModelForm):
    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk is None or capacity is None:
            return capacity
        # The admin saves in this transaction: an offer made meanwhile waits for the lock, then
        # counts against the new capacity.
        held = seats_taken(lock_intake(self.instance.pk))
        if capacity < held:
            raise forms.ValidationError(
                ngettext(
                    "An offer or an acceptance holds %(held)d seat, so the intake needs at least "
                    "%(held)d seat. A seat is freed when its offer is declined or lapses.",
                    "Offers and acceptances hold %(held)d seats, so the intake needs at least "
                    "%(held)d seats. A seat is freed when its offer is declined or lapses.",
                    held,
                )
                % {"held": held}
            )
        return capacity


class ReviewCriterionInline(admin.TabularInline):
    model = ReviewCriterion
    extra = 0
    fields = ["name", "description", "position"]


@admin.register(Intake)
class IntakeAdmin(programs_admin.IntakeAdmin):
    form = IntakeCapacityForm
    inlines = [*programs_admin.IntakeAdmin.inlines, ReviewCriterionInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            criteria_ensure_defaults(intake=form.instance)


class IntakeInline(programs_admin.IntakeInline):
    form = IntakeCapacityForm


@admin.register(Program)
class ProgramAdmin(programs_admin.ProgramAdmin):
    inlines = [IntakeInline]
