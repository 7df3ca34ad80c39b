"""Emails to the student about their interview, in their language and, once they have
booked, in the time zone they booked in. Sent after commit and by `send_reminders`, outside
any request: links are absolute (settings.SITE_URL) and nothing reads the request."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from applications.interviews.calendar import interview_calendar, interviewer_name, student_time_zone
from applications.interviews.models import Interview
from mail.services import email_send


def interview_url(interview):
    return settings.SITE_URL + reverse(
        "applications:interview", kwargs={"pk": interview.application_id}
    )


def _interview(interview_id):
    return (
        Interview.objects.select_related(
            "application__intake__program", "application__applicant", "slot__interviewer"
        )
        .filter(pk=interview_id, application__applicant__isnull=False)
        .first()
    )


def render_interview_email(interview, template, **extra):
    """(subject, body, attachments) of `template`, in the student's language and zone; a
    booked interview comes with its .ics."""
    application = interview.application
    zone = student_time_zone(interview)
    with translation.override(application.applicant.language), timezone.override(zone):
        url = interview_url(interview)
        context = {
            "application": application,
            "interview": interview,
            "slot": interview.slot,
            "interviewer": interviewer_name(interview.slot) if interview.slot else "",
            "time_zone": zone.key,
            "url": url,
            **extra,
        }
        subject = render_to_string(f"applications/email/{template}_subject.txt", context)
        body = render_to_string(f"applications/email/{template}.txt", context)
        attachments = []
        if interview.slot is not None:
            attachments.append(
                ("interview.ics", interview_calendar(interview, url=url), "text/calendar")
            )
    return " ".join(subject.split()), body, attachments


def _send(interview, template, **extra):
    subject, body, attachments = render_interview_email(interview, template, **extra)
    applicant = interview.application.applicant
    return email_send(
        to=applicant.email,
        subject=subject,
        body=body,
        recipient=applicant,
        about=interview,
        attachments=attachments,
    )


def send_invitation(interview_id):
    interview = _interview(interview_id)
    if interview is not None:
        _send(interview, "interview_invitation")


def send_booking(interview_id, *, moved):
    """`moved`: the student changed an earlier booking."""
    interview = _interview(interview_id)
    if interview is not None and interview.slot is not None:
        _send(interview, "interview_booked", moved=moved)


def send_reminder(interview_id):
    interview = _interview(interview_id)
    if interview is not None and interview.slot is not None:
        _send(interview, "interview_reminder")
