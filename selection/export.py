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

PROFILE_FIELDS = StudentProfile.STUDENT_FIELDS
# A cell starting with one of these is a formula to a spreadsheet: never run applicants' text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel takes at most this many characters between the quotes of ="…".
EXCEL_TEXT_LITERAL_MAX = 255
MAX_SUPERVISOR_CHOICES = 3


class FormulaLikeText(str):
    """Text that a spreadsheet would read as a formula, such as the phone number "+86 571…".
    Each writer keeps it the text it is, without changing what it reads (no apostrophe)."""


def _cell(value):
    """Numbers stay numbers; everything else is text, marked when it starts like a formula."""
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, int):
        return value
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return FormulaLikeText(text) if text.startswith(FORMULA_STARTS) else text


def csv_text(value):
    """A CSV field a spreadsheet shows as written and never runs: formula-like text becomes
    the string literal ="…", which Excel and LibreOffice display as the text itself. Past what
    a literal holds (or across lines) the apostrophe guard is the fallback."""
    if not isinstance(value, FormulaLikeText):
        return str(value)
    if len(value) <= EXCEL_TEXT_LITERAL_MAX and not {"\n", "\r"} & set(value):
        return '="' + value.replace('"', '""') + '"'
    return "'" + value


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


def _questions(applications):
    """The extra questions of the exported intakes, each with its column title: the question,
    after its intake's name when the export spans several intakes."""
    intakes = {application.intake_id: application.intake for application in applications}
    questions = [question for intake in intakes.values() for question in intake.questions.all()]
    if len(intakes) == 1:
        return [(question, question.label) for question in questions]
    return [(question, f"{question.intake.name}: {question.label}") for question in questions]


def _supervisor_columns(applications):
    """One column per rank of the PhD supervisor choices, when the export has a PhD intake."""
    if not any(application.needs_supervisors for application in applications):
        return []
    return list(range(1, MAX_SUPERVISOR_CHOICES + 1))


def export_rows(queryset):
    """Header and one row per application: profile fields, state, scores, the answers to the
    intake's questions and the PhD supervisor choices."""

    applications = list(
        queryset.select_related("applicant__profile", "intake__program")
        .prefetch_related("intake__questions__intake", "supervisor_choices__supervisor")
        .order_by("intake_id", "submitted_at", "pk")
    )
    criterion_averages = _criterion_averages([application.pk for application in applications])
    criteria = sorted({name for scores in criterion_averages.values() for name in scores})
    questions = _questions(applications)
    supervisor_ranks = _supervisor_columns(applications)
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
        *[title for _question, title in questions],
        *[_("Supervisor choice %(rank)d") % {"rank": rank} for rank in supervisor_ranks],
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
        answers = application.answers
        choices = {
            choice.rank: choice.supervisor.name for choice in application.supervisor_choices.all()
        }
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
                *[answers.get(str(question.pk), "") for question, _title in questions],
                *[choices.get(rank) for rank in supervisor_ranks],
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
        writer.writerow([csv_text(value) for value in row])
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def xlsx_response(queryset):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Applications")[:31]
    for number, row in enumerate(export_rows(queryset), start=1):
        sheet.append(row)
        # A text cell is never a formula in XLSX, except that openpyxl makes one of "=…".
        for column, value in enumerate(row, start=1):
            if isinstance(value, FormulaLikeText):
                sheet.cell(row=number, column=column).data_type = "s"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
