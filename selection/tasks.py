"""Staff work too large for a request, for the Celery worker."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation

from applications.models import Application
from applications.states import ApplicationState
from mail.services import email_send
from selection import mailing, services


@shared_task(name="selection.decide_applications", ignore_result=True)
def decide_applications(application_ids, decision, by_id):
    """A bulk decision past BULK_ACTION_THRESHOLD: each application through the services,
    then the manager is emailed what changed and what was refused, and why."""
    by = get_user_model().objects.get(pk=by_id)
    moved, refused = services.applications_decide_in_bulk(
        application_ids=application_ids, decision=decision, by=by
    )
    with translation.override(by.language):
        context = {
            "total": len(application_ids),
            "moved": moved,
            "refused": refused,
            "state": ApplicationState(services.DECISIONS[decision]).label,
        }
        subject = render_to_string("selection/email/bulk_decision_done_subject.txt", context)
        body = render_to_string("selection/email/bulk_decision_done.txt", context)
    email_send(to=by.email, subject=subject.strip(), body=body, recipient=by)


@shared_task(name="selection.email_applicants", ignore_result=True)
def email_applicants(application_ids, texts):
    """The "Email selected applicants" action past BULK_ACTION_THRESHOLD: the emails are
    written to the log (and queued) here rather than in the request; the log shows them."""
    mailing.email_applicants(
        applications=Application.objects.filter(pk__in=application_ids)
        .select_related("applicant__profile", "intake__program")
        .order_by("pk"),
        texts={language: tuple(text) for language, text in texts.items()},
    )


@shared_task(name="selection.build_xlsx_export", ignore_result=True)
def build_xlsx_export(job_id):
    services.export_job_build(job_id=job_id)


@shared_task(name="selection.expire_exports", ignore_result=True)
def expire_exports():
    services.export_jobs_expire()
