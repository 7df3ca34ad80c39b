"""List filters of the staff application list."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from accounts.models import DegreeLevel, StudentProfile
from applications.states import ApplicationState
from programs.models import Intake

S = ApplicationState
EVERYTHING = "all"


class StateFilter(admin.SimpleListFilter):
    """Drafts are the students' business: hidden unless staff ask for them."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [(EVERYTHING, _("All, including drafts")), *S.choices]

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        choices[0]["display"] = _("All but drafts")
        return choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset.submitted()
        if self.value() in S.values:
            return queryset.filter(state=self.value())
        return queryset


class IntakeFilter(admin.SimpleListFilter):
    title = _("intake")
    parameter_name = "intake"

    def lookups(self, request, model_admin):
        # One query, whatever the number of intakes (Intake.__str__ names the program).
        return [
            (str(intake.pk), str(intake))
            for intake in Intake.objects.select_related("program").order_by("-opens_at")
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(intake_id=self.value())
        return queryset


class UniversityFilter(admin.SimpleListFilter):
    title = _("university")
    parameter_name = "university"

    def lookups(self, request, model_admin):
        universities = (
            StudentProfile.objects.exclude(university="")
            .order_by("university")
            .values_list("university", flat=True)
            .distinct()
        )
        return [(name, name) for name in universities]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(applicant__profile__university=self.value())
        return queryset


class DegreeLevelFilter(admin.SimpleListFilter):
    title = _("degree level")
    parameter_name = "degree"

    def lookups(self, request, model_admin):
        return DegreeLevel.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(applicant__profile__degree_level=self.value())
        return queryset


OFFER_STATES = [S.OFFERED, S.ACCEPTED, S.DECLINED]


class HasOfferFilter(admin.SimpleListFilter):
    title = _("offer made")
    parameter_name = "offer"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(state__in=OFFER_STATES)
        if self.value() == "no":
            return queryset.exclude(state__in=OFFER_STATES)
        return queryset
