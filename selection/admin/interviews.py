"""Interviews in the application admin: inviting shortlisted applicants (a bulk action), an
intake's interview page (publish slots in bulk, who booked what, who has not booked), the
interviewer's schedule and their assessment form. Writes go through selection.interviews.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from applications.interviews.models import Interview
from programs.models import Intake
from selection import interviews, rules
from selection.forms import InterviewAssessmentForm, PublishSlotsForm

# An intake can publish a thousand slots; the page shows them a hundred at a time, in order.
SLOTS_PER_PAGE = 100


class InterviewAdminMixin:
    """For ApplicationAdmin: the pages under /admin/applications/application/interviews/ and
    intakes/<id>/interviews/, and the "invite to an interview" action."""

    def _page(self, request, template, title, status=200, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            **context,
        }
        return TemplateResponse(request, template, context, status=status)

    @admin.action(
        description=_("Invite selected applicants to an interview"), permissions=["change"]
    )
    def invite_to_interview(self, request, queryset):
        invited, refused = interviews.interview_invite(applications=list(queryset), by=request.user)
        for application, reason in refused:
            messages.warning(
                request,
                gettext("%(application)s was not invited: %(reason)s")
                % {"application": application, "reason": reason},
            )
        if invited:
            messages.success(
                request,
                gettext("%(count)d applicant(s) invited to book an interview.")
                % {"count": len(invited)},
            )

    def intake_interviews_view(self, request, intake_id):
        """The manager's page of one intake's interviews; POST publishes slots."""
        if not rules.can_decide(request.user):
            raise PermissionDenied
        intake = get_object_or_404(Intake.objects.select_related("program"), pk=intake_id)
        form = PublishSlotsForm(
            request.POST if request.method == "POST" else None,
            interviewers=interviews.interviewers(),
        )
        if form.is_bound and form.is_valid():
            try:
                slots = interviews.interview_slots_publish(
                    intake=intake, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, gettext("%(count)d slot(s) published.") % {"count": len(slots)}
                )
                return redirect("admin:selection_intake_interviews", intake.pk)
        return self._page(
            request,
            "selection/admin/intake_interviews.html",
            gettext("Interviews: %s") % intake,
            status=400 if form.errors else 200,
            intake=intake,
            form=form,
            slots=Paginator(interviews.intake_slots(intake), SLOTS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            not_booked=interviews.not_booked(intake),
        )

    def interview_schedule_view(self, request):
        """The logged-in interviewer's slots, with whom they meet and what they recorded."""
        if not rules.is_interviewer(request.user):
            raise PermissionDenied
        return self._page(
            request,
            "selection/admin/interview_schedule.html",
            gettext("My interviews"),
            slots=interviews.schedule(request.user),
        )

    def interview_assessment_view(self, request, interview_id):
        interview = get_object_or_404(
            Interview.objects.select_related(
                "slot", "application__intake__program", "application__applicant__profile"
            ),
            pk=interview_id,
        )
        if not rules.can_assess_interview(request.user, interview):
            raise PermissionDenied
        assessment = getattr(interview, "assessment", None)
        initial = {"score": assessment.score, "notes": assessment.notes} if assessment else {}
        form = InterviewAssessmentForm(
            request.POST if request.method == "POST" else None, initial=initial
        )
        if form.is_bound and form.is_valid():
            try:
                interviews.interview_assess(
                    interview=interview, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    gettext("Your assessment of %s is saved.") % interview.application,
                )
                return redirect("admin:selection_interview_schedule")
        return self._page(
            request,
            "selection/admin/interview_assessment.html",
            gettext("Interview of %s") % interview.application,
            status=400 if form.errors else 200,
            interview=interview,
            form=form,
            can_view_application=rules.can_view_application(request.user, interview.application),
        )
