"""Emails from staff to the applicants they select on the application list."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from selection import mailing
from selection.forms import ApplicantEmailForm


class MailingAdminMixin:
    """For ApplicationAdmin: the "email selected applicants" action and its page."""

    @admin.action(description=_("Email selected applicants"), permissions=["change"])
    def email_applicants(self, request, queryset):
        form = ApplicantEmailForm(request.POST if "send" in request.POST else None)
        if form.is_bound and form.is_valid():
            sent, failed, skipped = mailing.email_applicants(
                applications=queryset.select_related("applicant__profile", "intake__program"),
                texts=form.texts(),
            )
            self._report_mailing(request, sent, failed, skipped)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Email selected applicants"),
            "form": form,
            "applications": queryset,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action": "email_applicants",
        }
        return TemplateResponse(
            request,
            "selection/admin/email_applicants.html",
            context,
            status=400 if form.errors else 200,
        )

    def _report_mailing(self, request, sent, failed, skipped):
        if sent:
            messages.success(
                request,
                ngettext("%(count)d email sent.", "%(count)d emails sent.", sent) % {"count": sent},
            )
        if failed:
            messages.error(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    ngettext(
                        "%(count)d email could not be sent.",
                        "%(count)d emails could not be sent.",
                        failed,
                    )
                    % {"count": failed},
                    reverse("admin:mail_emaillog_changelist") + "?status__exact=failed",
                    gettext("Send them again from the email log."),
                ),
            )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d application has no applicant any more (account deleted).",
                    "%(count)d applications have no applicant any more (accounts deleted).",
                    skipped,
                )
                % {"count": skipped},
            )
