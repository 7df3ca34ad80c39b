"""The student's referee pages (a step of the form, replace, remind) and the referee's page,
reached by the signed link without an account."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.models import supported_language
from applications import steps
from applications.referees import services
from applications.referees.forms import LetterForm, RefereeForm
from applications.referees.links import LinkRefused, referee_from_token
from applications.views import OwnApplicationMixin, StepView
from core.timezones import visitor_time_zone


def referees_url(application):
    """Where the student manages referees: the form's step for a draft, else the application."""
    if application.is_draft:
        return reverse("applications:step_referees", kwargs={"pk": application.pk})
    return application.get_absolute_url() + "#referees"


def _request_language():
    return supported_language(get_language())


class RefereesStepView(StepView):
    """Name the referees one by one; each is emailed at once. The step is done when all are
    named (and, unless the intake allows otherwise, their letters are in)."""

    step = steps.REFEREES
    invited = False

    def can_invite(self):
        return services.referees_can_change(self.application) and len(
            services.current_referees(self.application)
        ) < (self.application.intake.referees_required)

    def get_form(self, **kwargs):
        if not self.can_invite():
            return None
        return RefereeForm(initial={"language": _request_language()}, **kwargs)

    def save(self, form):
        if form is None or not form.is_valid():
            return form is None
        try:
            referee = services.referee_invite(
                application=self.application, user=self.request.user, **form.cleaned_data
            )
        except services.RefereeError as error:
            form.add_error(None, error)
            return False
        messages.success(
            self.request,
            _("We have emailed %(name)s a link for the letter.") % {"name": referee.name},
        )
        self.invited = True
        return True

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if self.invited:
            # Stay on this step until every referee is named.
            self.application = self.get_application()
            if self.can_invite():
                return redirect("applications:step_referees", pk=self.application.pk)
        return response

    def get_context_data(self, **kwargs):
        next_step = steps.next_step(self.application, self.step)
        return super().get_context_data(
            referees=self.application.referees.all(),
            next_url=steps.step_url(self.application, next_step),
            **kwargs,
        )


class OwnRefereeMixin(OwnApplicationMixin):
    @cached_property
    def referee(self):
        """The referee in the URL, of the requester's application, not yet replaced."""
        return get_object_or_404(self.application.referees.current(), pk=self.kwargs["referee_id"])


class RefereeReplaceView(OwnRefereeMixin, TemplateView):
    """Ask someone else instead of a referee who has not sent their letter."""

    template_name = "applications/referees/replace.html"

    def get(self, request, *args, **kwargs):
        if response := self.redirect_if_unchangeable():
            return response
        form = RefereeForm(initial={"language": self.referee.language})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if response := self.redirect_if_unchangeable():
            return response
        form = RefereeForm(data=request.POST)
        if form.is_valid():
            try:
                replacement = services.referee_replace(
                    referee=self.referee, user=request.user, **form.cleaned_data
                )
            except services.RefereeError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(old)s is replaced; we have emailed %(new)s a link for the letter.")
                    % {"old": self.referee.name, "new": replacement.name},
                )
                return redirect(referees_url(self.application))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def redirect_if_unchangeable(self):
        if self.referee.has_answered or not services.referees_can_change(self.application):
            messages.info(self.request, _("This referee can no longer be replaced."))
            return redirect(referees_url(self.application))
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.application,
            referee=self.referee,
            back_url=referees_url(self.application),
            **kwargs,
        )


class RefereeRemindView(OwnRefereeMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.referee_remind(referee=self.referee, user=request.user)
        except services.RefereeError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("We have reminded %(name)s by email.") % {"name": self.referee.name}
            )
        return redirect(referees_url(self.application))


def _private(response):
    """The page holds a private link: no cache keeps it and no search engine lists it."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class RefereeLetterView(TemplateView):
    """What the referee sees: whom the letter is for and the program, and the letter form."""

    template_name = "applications/referees/letter.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.referee = referee_from_token(kwargs["token"])
        except LinkRefused as refused:
            response = render(
                request,
                "applications/referees/link_refused.html",
                {"message": refused.message},
                status=refused.status,
            )
            return _private(response)
        return _private(super().dispatch(request, *args, **kwargs))

    def get(self, request, *args, **kwargs):
        services.letter_mark_opened(referee=self.referee)
        form = LetterForm(initial={"language": _request_language()})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if self.referee.has_answered:
            return redirect(request.path)
        form = LetterForm(data=request.POST, files=request.FILES)
        if form.is_valid():
            try:
                services.letter_submit(
                    referee=self.referee,
                    language=form.cleaned_data["language"],
                    text=form.cleaned_data["text"],
                    upload=form.cleaned_data["file"],
                )
            except services.RefereeError as error:
                form.add_error(None, error)
            else:
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        application = self.referee.application
        return super().get_context_data(
            referee=self.referee,
            student=application.applicant.display_name,
            intake=application.intake,
            visitor_time_zone=visitor_time_zone(self.request),
            **kwargs,
        )
