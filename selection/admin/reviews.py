"""Reviews in the application admin: the review inline, reviewer assignments, the review
form and the bulk "assign a reviewer" action. Writes go through selection services.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from selection import rules, services
from selection.admin.inlines import ReadOnlyInline
from selection.forms import AssignReviewerForm, ReviewForm
from selection.models import InterviewAssessment, Review, ReviewAssignment


def interview_assessment(application):
    """The interviewer's assessment, which reviewers read before they score."""
    return (
        InterviewAssessment.objects.select_related("recorded_by")
        .filter(interview__application=application)
        .first()
    )


def format_score(value):
    return "" if value is None else f"{value:.2f}"


class ReviewInline(admin.TabularInline):
    """Managers see every review; a reviewer sees only their own."""

    model = Review
    extra = 0
    can_delete = False
    fields = ["reviewer", "scores_display", "average_display", "comment", "updated_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("reviewer")
            .prefetch_related("scores__criterion")
        )
        if rules.can_see_all_applications(request.user):
            return queryset
        return queryset.filter(reviewer=request.user)

    @admin.display(description=_("scores"))
    def scores_display(self, review):
        return format_html_join(
            ", ", "{}: {}", ((score.criterion.name, score.score) for score in review.scores.all())
        )

    @admin.display(description=_("average"))
    def average_display(self, review):
        return format_score(review.average)


class AssignmentInline(ReadOnlyInline):
    model = ReviewAssignment
    fields = ["reviewer", "assigned_by", "assigned_at"]
    readonly_fields = fields
    verbose_name_plural = _("assigned reviewers")


class ReviewAdminMixin:
    """For ApplicationAdmin, which provides `_get_visible_or_404`."""

    def review_view(self, request, object_id):
        application = self._get_visible_or_404(request, object_id)
        if not rules.can_review(request.user, application):
            raise PermissionDenied
        review = application.reviews.filter(reviewer=request.user).first()
        criteria = application.intake.review_criteria.all()
        initial = {}
        if review is not None:
            initial["comment"] = review.comment
            for score in review.scores.all():
                initial[f"criterion_{score.criterion_id}"] = score.score
        form = ReviewForm(request.POST or None, criteria=criteria, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.review_save(
                    application=application,
                    reviewer=request.user,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, gettext("Your review of %s is saved.") % application)
                return redirect("admin:applications_application_change", application.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Review %s") % application,
            "application": application,
            "form": form,
            "has_criteria": bool(form.criteria),
            "interview_assessment": interview_assessment(application),
        }
        return TemplateResponse(
            request, "selection/admin/review_form.html", context, status=400 if form.errors else 200
        )

    @admin.action(
        description=_("Assign a reviewer to selected applications"), permissions=["change"]
    )
    def assign_reviewer(self, request, queryset):
        form = AssignReviewerForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reviewer = form.cleaned_data["reviewer"]
            try:
                assigned, refused = services.review_assign(
                    applications=list(queryset), reviewer=reviewer, by=request.user
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return None
            for application, reason in refused:
                messages.warning(
                    request,
                    gettext("%(application)s was not assigned: %(reason)s")
                    % {"application": application, "reason": reason},
                )
            if assigned:
                messages.success(
                    request,
                    ngettext(
                        "%(reviewer)s now reviews %(count)d application.",
                        "%(reviewer)s now reviews %(count)d applications.",
                        len(assigned),
                    )
                    % {"reviewer": reviewer, "count": len(assigned)},
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Assign a reviewer"),
            "form": form,
            "applications": queryset,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action": "assign_reviewer",
        }
        return TemplateResponse(request, "selection/admin/assign_reviewer.html", context)
