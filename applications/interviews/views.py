"""The student's interview page: book a slot, see it, change it until the cut-off."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from applications.interviews import services
from applications.interviews.calendar import interviewer_name
from applications.interviews.forms import BookSlotForm
from applications.interviews.models import Interview
from applications.views import OwnApplicationMixin
from core.timezones import visitor_time_zone


class InterviewView(OwnApplicationMixin, TemplateView):
    """Times are shown in the visitor's zone, which is stored with the booking for the
    emails (core.timezones)."""

    template_name = "applications/interview.html"

    def get_interview(self):
        interview = (
            Interview.objects.select_related("slot__interviewer", "slot__intake")
            .filter(application=self.application)
            .first()
        )
        if interview is None:
            raise Http404
        interview.application = self.application
        return interview

    def get_form(self, interview, **kwargs):
        if not services.booking_can_change(interview):
            return None
        return BookSlotForm(slots=services.bookable_slots(interview), **kwargs)

    def get(self, request, *args, **kwargs):
        interview = self.get_interview()
        return self.render_to_response(
            self.get_context_data(interview=interview, form=self.get_form(interview))
        )

    def post(self, request, *args, **kwargs):
        interview = self.get_interview()
        form = self.get_form(interview, data=request.POST)
        if form is None:
            messages.error(request, _("Your interview can no longer be changed here."))
            return redirect("applications:interview", pk=self.application.pk)
        zone = visitor_time_zone(request)
        if form.is_valid():
            try:
                booked = services.interview_book(
                    interview=interview,
                    slot=form.cleaned_data["slot"],
                    user=request.user,
                    time_zone=zone.key,
                )
            except services.InterviewError as error:
                form.add_error("slot", error)  # the form lists the slots still free
            else:
                start = date_format(booked.slot.starts_at.astimezone(zone), "DATETIME_FORMAT")
                messages.success(
                    request,
                    _("Your interview is booked for %(start)s. We have emailed you an invitation.")
                    % {"start": start},
                )
                return redirect("applications:interview", pk=self.application.pk)
        return self.render_to_response(
            self.get_context_data(interview=interview, form=form), status=400
        )

    def get_context_data(self, **kwargs):
        interview, form = kwargs["interview"], kwargs["form"]
        slot = interview.slot
        return super().get_context_data(
            application=self.application,
            # Read again for the page: after a refused booking, the slots still free.
            slots=list(services.bookable_slots(interview)) if form else [],
            interviewer=interviewer_name(slot) if slot else "",
            visitor_time_zone=visitor_time_zone(self.request),
            **kwargs,
        )
