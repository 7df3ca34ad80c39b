"""Emails from managers to the applicants they select on the application list."""

from django.conf import settings
from django.utils import translation

from applications.emails import email_applicant
from applications.placeholders import placeholder_values


def email_applicants(*, applications, texts):
    """Queue for each applicant the text in their language, else the default one, with the
    placeholders filled in that text's language; every email is logged before it is sent.

    `texts` is {language: (subject, body)} with checked placeholders (ApplicantEmailForm).
    Returns (queued, skipped): skipped are anonymised applications, with nobody to write to.
    """
    queued = skipped = 0
    for application in applications:
        if application.applicant is None:
            skipped += 1
            continue
        language = application.applicant.language
        if language not in texts:
            language = settings.LANGUAGE_CODE
        subject, body = texts[language]
        with translation.override(language):
            values = placeholder_values(application)
        email_applicant(
            application=application,
            subject=subject.format_map(values),
            body=body.format_map(values),
        )
        queued += 1
    return queued, skipped
