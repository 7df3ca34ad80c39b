"""Emails from staff to the applicants they select on the application list."""

import logging

from django.conf import settings
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from selection import mailing, tasks
from selection.forms import ApplicantEmailForm

logger = logging.getLogger(__name__)


class MailingAdminMixin:
    """For ApplicationAdmin: the "email selected applicants" action and its page."""

    @admin.action(description=_("Email selected applicants"), permissions=["change"])
    def email_applicants(self, request, queryset):
        form = ApplicantEmailForm(request.POST if "send" in request.POST else None)
        if form.is_bound and form.is_valid():
            application_ids = list(queryset.values_list("pk", flat=True))
            if len(application_ids) > settings.BULK_ACTION_THRESHOLD:
                self._email_in_background(request, application_ids, form.texts())
                return None
            queued, skipped = mailing.email_applicants(
                applications=queryset.select_related("applicant__profile", "intake__program"),
                texts=form.texts(),
            )
            self._report_mailing(request, queued, skipped)
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

    def _email_in_background(self, request, application_ids, texts):
        """Past the threshold the worker writes the emails, so the request returns at once."""
        try:
            tasks.email_applicants.delay(application_ids, texts)
        except Exception:  # any broker error: nothing is written, and the manager is told
            logger.exception("Emails to selected applicants could not be queued")
            messages.error(
                request,
                gettext(
                    "The task queue is not reachable, so no email was written. Try again in "
                    "a moment, or select at most %(count)d applications at a time."
                )
                % {"count": settings.BULK_ACTION_THRESHOLD},
            )
            return
        self._report_mailing(request, len(application_ids), 0)

    def _report_mailing(self, request, queued, skipped):
        """The emails are sent by the worker after the request; the log shows how it went."""
        if queued:
            messages.success(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    ngettext(
                        "%(count)d email queued for sending.",
                        "%(count)d emails queued for sending.",
                        queued,
                    )
                    % {"count": queued},
                    reverse("admin:mail_emaillog_changelist"),
                    gettext("The email log shows how sending went, and sends failed ones again."),
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
