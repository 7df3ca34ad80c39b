"""Application lists as CSV (UTF-8 with BOM, so spreadsheets keep Chinese names) and XLSX."""

import csv
import io
from collections import defaultdict

from django.db.models import Avg
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from accounts.models import StudentProfile
from selection.models import ReviewScore
from selection.selectors import with_review_summary

PROFILE_FIELDS = StudentProfile.STUDENT_FIELDS
# A cell starting with one of these is a formula to a spreadsheet: never run applicants' text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Numbers stay numbers; everything else becomes safe text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, int):
        return value
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _criterion_averages(application_ids):
    """{application id: {criterion name: average}} in one query."""
    rows = (
        ReviewScore.objects.filter(review__application_id__in=application_ids)
        .values("review__application_id", "criterion__name")
        .annotate(average=Avg("score"))
        .order_by()
    )
    averages = defaultdict(dict)
    for row in rows:
        averages[row["review__application_id"]][row["criterion__name"]] = row["average"]
    return averages


def export_rows(queryset):
    """Header and one row per application: profile fields, state, scores."""

    applications = list(
        with_review_summary(queryset)
        .select_related("applicant__profile", "intake__program")
        .order_by("intake_id", "submitted_at", "pk")
    )
    criterion_averages = _criterion_averages([application.pk for application in applications])
    criteria = sorted({name for scores in criterion_averages.values() for name in scores})
    profile_meta = StudentProfile._meta
    header = [
        _("Reference"),
        _("Email"),
        *[str(profile_meta.get_field(name).verbose_name) for name in PROFILE_FIELDS],
        _("Program"),
        _("Intake"),
        _("State"),
        _("Submitted"),
        _("Reviews"),
        _("Average score"),
        *criteria,
    ]
    yield [str(title) for title in header]
    for application in applications:
        applicant = application.applicant
        profile = getattr(applicant, "profile", None) if applicant else None
        profile_values = []
        for name in PROFILE_FIELDS:
            if profile is None:
                profile_values.append("")
                continue
            display = getattr(profile, f"get_{name}_display", None)
            profile_values.append(display() if display else getattr(profile, name))
        submitted = application.submitted_at
        yield [
            _cell(value)
            for value in [
                application.reference,
                applicant.email if applicant else "",
                *profile_values,
                application.intake.program.title,
                application.intake.name,
                application.get_state_display(),
                timezone.localtime(submitted).strftime("%Y-%m-%d %H:%M") if submitted else "",
                application.review_count,
                application.average_score,
                *[criterion_averages[application.pk].get(name) for name in criteria],
            ]
        ]


def _filename(extension):
    return f"applications-{timezone.localdate():%Y-%m-%d}.{extension}"


def csv_response(queryset):
    out = io.StringIO()
    # The BOM tells Excel the file is UTF-8; without it Chinese names come out garbled.
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in export_rows(queryset):
        writer.writerow([str(value) for value in row])
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def xlsx_response(queryset):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Applications")[:31]
    for row in export_rows(queryset):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
