"""The student's side of applications: start, the form steps, submit, follow, reply."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView, TemplateView

from applications import services, steps
from applications.documents import document_response
from applications.forms import DocumentsForm, StatementForm, SupervisorsForm
from applications.models import (
    STATEMENT_MAX_CHARS,
    STATEMENT_MIN_CHARS,
    Application,
    ApplicationDocument,
)
from applications.referees.services import referees_can_change
from applications.rules import is_owner
from applications.services import ApplicationStateError
from programs.models import Intake


class DashboardView(LoginRequiredMixin, ListView):
    """My applications: where each stands, what comes next and by when."""

    template_name = "applications/dashboard.html"
    context_object_name = "applications"

    def get_queryset(self):
        return (
            Application.objects.for_user(self.request.user)
            .select_related("interview__slot")
            .prefetch_related("state_changes")
        )


class StartView(LoginRequiredMixin, TemplateView):
    """GET explains, POST creates the draft; a second POST finds the same draft."""

    template_name = "applications/start.html"

    def dispatch(self, request, *args, **kwargs):
        self.intake = get_object_or_404(
            Intake.objects.select_related("program"), pk=kwargs["intake_id"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            existing = Application.objects.filter(
                applicant=request.user, intake=self.intake
            ).first()
            if existing is not None:
                return redirect("applications:resume", pk=existing.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            application = services.application_start(intake=self.intake, user=request.user)
        except ApplicationStateError as error:
            messages.error(request, error.messages[0])
            return redirect("applications:dashboard")
        return redirect("applications:resume", pk=application.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(intake=self.intake, **kwargs)


class OwnApplicationMixin(LoginRequiredMixin):
    """The application in the URL, if it is the requester's; 404 otherwise."""

    def get_application(self):
        # What the step checks, the progress indicator and the summary read: once each.
        applications = Application.objects.for_user(self.request.user).prefetch_related(
            "intake__questions", "documents", "supervisor_choices__supervisor", "referees"
        )
        return get_object_or_404(applications, pk=self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.application = self.get_application()
        return super().dispatch(request, *args, **kwargs)


class ResumeView(OwnApplicationMixin, View):
    def get(self, request, *args, **kwargs):
        if not self.application.is_draft:
            return redirect(self.application)
        step = steps.first_incomplete_step(self.application)
        return redirect(steps.step_url(self.application, step))


class StepView(OwnApplicationMixin, TemplateView):
    """One step of the form: shows the saved draft, saves on POST, moves to the next step."""

    step = None

    def redirect_if_not_editable(self):
        """Only drafts are edited, and only in the steps their program has."""
        if not self.application.is_draft:
            messages.info(self.request, _("This application can no longer be changed."))
            return redirect(self.application)
        if self.step not in steps.steps_for(self.application):
            return redirect("applications:resume", pk=self.application.pk)
        return None

    def get(self, request, *args, **kwargs):
        if response := self.redirect_if_not_editable():
            return response
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        if response := self.redirect_if_not_editable():
            return response
        form = self.get_form(data=request.POST, files=request.FILES)
        if self.save(form):
            return redirect(
                steps.step_url(self.application, steps.next_step(self.application, self.step))
            )
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_form(self, **kwargs):
        return None

    def save(self, form):
        return True

    def get_template_names(self):
        return [f"applications/step_{self.step.name}.html"]

    def get_context_data(self, **kwargs):
        previous = steps.previous_step(self.application, self.step)
        progress = steps.progress(self.application, self.step)
        return super().get_context_data(
            application=self.application,
            intake=self.application.intake,
            progress=progress,
            problems=next(item["problems"] for item in progress if item["current"]),
            previous_url=steps.step_url(self.application, previous) if previous else None,
            referees_can_change=referees_can_change(self.application),
            **kwargs,
        )


class ProfileStepView(StepView):
    step = steps.PROFILE


class StatementStepView(StepView):
    step = steps.STATEMENT
    extra_context = {"statement_min": STATEMENT_MIN_CHARS, "statement_max": STATEMENT_MAX_CHARS}

    def get_form(self, **kwargs):
        initial = {"statement": self.application.statement}
        return StatementForm(application=self.application, initial=initial, **kwargs)

    def save(self, form):
        if not form.is_valid():
            return False
        services.application_save_statement(
            application=self.application,
            user=self.request.user,
            statement=form.cleaned_data["statement"],
            answers=form.answers(),
        )
        return True


class DocumentsStepView(StepView):
    step = steps.DOCUMENTS

    def get_form(self, **kwargs):
        required = services.required_document_kinds(self.application.intake)
        return DocumentsForm(required_kinds=required, **kwargs)

    def save(self, form):
        valid = form.is_valid()
        # Keep every good upload even when another file in the same form was refused.
        accepted = form.accepted_uploads()
        for kind, upload in accepted.items():
            services.application_save_document(
                application=self.application, user=self.request.user, kind=kind, upload=upload
            )
        if accepted:
            self.application = self.get_application()  # the page lists the new documents
        return valid

    def get_context_data(self, **kwargs):
        return super().get_context_data(documents=self.application.documents.all(), **kwargs)


class SupervisorsStepView(StepView):
    step = steps.SUPERVISORS

    def get_form(self, **kwargs):
        return SupervisorsForm(application=self.application, **kwargs)

    def save(self, form):
        if not form.is_valid():
            return False
        services.application_save_supervisors(
            application=self.application,
            user=self.request.user,
            supervisors=form.cleaned_data["supervisors"],
        )
        return True


class ReviewView(StepView):
    """Everything on one page; POST submits. A repeated POST lands on the confirmation."""

    step = steps.REVIEW

    def post(self, request, *args, **kwargs):
        if not self.application.is_draft:
            return redirect("applications:submitted", pk=self.application.pk)
        try:
            services.application_submit(application=self.application, by=request.user)
        except ApplicationStateError as error:
            self.application.refresh_from_db()
            if not self.application.is_draft:  # a parallel request submitted it first
                return redirect("applications:submitted", pk=self.application.pk)
            context = self.get_context_data(submit_errors=error.messages)
            return self.render_to_response(context, status=400)
        return redirect("applications:submitted", pk=self.application.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_problems=services.submission_problems(self.application), **kwargs
        )


class ApplicationDetailView(OwnApplicationMixin, TemplateView):
    """The application as submitted, read-only, with its history."""

    template_name = "applications/detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.application,
            referees_can_change=referees_can_change(self.application),
            **kwargs,
        )


class SubmittedView(ApplicationDetailView):
    template_name = "applications/submitted.html"

    def get(self, request, *args, **kwargs):
        if self.application.is_draft:
            return redirect("applications:resume", pk=self.application.pk)
        return super().get(request, *args, **kwargs)


class WithdrawView(ApplicationDetailView):
    template_name = "applications/withdraw.html"

    def post(self, request, *args, **kwargs):
        try:
            services.application_withdraw(application=self.application, by=request.user)
        except ApplicationStateError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return redirect("applications:dashboard")


class OfferReplyView(ApplicationDetailView):
    """Accept or decline an offer; the service checks the state and the deadline."""

    template_name = "applications/offer_reply.html"
    replies = {
        "accept": (services.application_accept_offer, _("You have accepted the offer.")),
        "decline": (services.application_decline_offer, _("You have declined the offer.")),
    }

    def post(self, request, *args, **kwargs):
        if request.POST.get("reply") not in self.replies:
            return redirect("applications:offer_reply", pk=self.application.pk)
        service, success = self.replies[request.POST["reply"]]
        try:
            service(application=self.application, by=request.user)
        except ApplicationStateError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, success)
        return redirect("applications:dashboard")


class DocumentView(LoginRequiredMixin, View):
    """Serves a private document to the student it belongs to (403 for anyone else); staff
    read documents on the application's admin page."""

    def get(self, request, pk):
        document = get_object_or_404(
            ApplicationDocument.objects.select_related("application"), pk=pk
        )
        if not is_owner(request.user, document.application):
            raise PermissionDenied
        return document_response(document)
