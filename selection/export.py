"""Application lists as CSV (UTF-8 with BOM, so spreadsheets keep Chinese names) and XLSX."""

import csv
from collections import defaultdict
from itertools import islice

from django.db.models import Avg
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from accounts.models import StudentProfile
from applications.models import Application
from programs.models import Intake
from selection.models import ReviewScore

PROFILE_FIELDS = StudentProfile.STUDENT_FIELDS
# A cell starting with one of these is a formula to a spreadsheet: never run applicants' text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel takes at most this many characters between the quotes of ="…".
EXCEL_TEXT_LITERAL_MAX = 255
MAX_SUPERVISOR_CHOICES = 3
# Applications read from the database at a time by an export.
BATCH_SIZE = 500


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


def _questions(intakes):
    """The extra questions of the exported intakes, each with its column title: the question,
    after its intake's name when the export spans several intakes."""
    questions = [question for intake in intakes for question in intake.questions.all()]
    if len(intakes) == 1:
        return [(question, question.label) for question in questions]
    return [(question, f"{question.intake.name}: {question.label}") for question in questions]


def _choice_labels(field):
    return {value: str(label) for value, label in field.flatchoices}


def _batches(iterable, size):
    batch = list(islice(iterable, size))
    while batch:
        yield batch
        batch = list(islice(iterable, size))


class ExportColumns:
    """The columns of an export, read from the whole selection without loading its rows:
    the criteria it was scored on, its intakes' questions, supervisor choices for a PhD."""

    def __init__(self, queryset):
        selected = queryset.order_by().values("pk")
        intakes = list(
            Intake.objects.filter(applications__in=selected)
            .distinct()
            .select_related("program")
            .prefetch_related("questions__intake")
            .order_by("pk")
        )
        self.criteria = sorted(
            set(
                ReviewScore.objects.filter(review__application__in=selected)
                .order_by()
                .values_list("criterion__name", flat=True)
                .distinct()
            )
        )
        self.questions = _questions(intakes)
        phd = any(intake.program.is_phd for intake in intakes)
        self.supervisor_ranks = list(range(1, MAX_SUPERVISOR_CHOICES + 1)) if phd else []
        # Choice labels translated once: get_FOO_display() hashes and translates every choice
        # on every call, which was a third of the time of a large export.
        profile_meta = StudentProfile._meta
        self.profile_labels = {
            name: _choice_labels(profile_meta.get_field(name))
            for name in PROFILE_FIELDS
            if profile_meta.get_field(name).choices
        }
        self.state_labels = _choice_labels(Application._meta.get_field("state"))

    def header(self):
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
            *self.criteria,
            *[title for _question, title in self.questions],
            *[_("Supervisor choice %(rank)d") % {"rank": rank} for rank in self.supervisor_ranks],
        ]
        return [str(title) for title in header]

    def row(self, application, criterion_averages, profiles):
        applicant = application.applicant
        profile = profiles.get(application.applicant_id)
        profile_values = []
        for name in PROFILE_FIELDS:
            if profile is None:
                profile_values.append("")
                continue
            value = getattr(profile, name)
            labels = self.profile_labels.get(name)
            profile_values.append(labels.get(value, value) if labels is not None else value)
        submitted = application.submitted_at
        answers = application.answers
        choices = (
            {choice.rank: choice.supervisor.name for choice in application.supervisor_choices.all()}
            if self.supervisor_ranks
            else {}
        )
        averages = criterion_averages[application.pk]
        return [
            _cell(value)
            for value in [
                application.reference,
                applicant.email if applicant else "",
                *profile_values,
                application.intake.program.title,
                application.intake.name,
                self.state_labels.get(application.state, application.state),
                timezone.localtime(submitted).strftime("%Y-%m-%d %H:%M") if submitted else "",
                application.review_count,
                application.average_score,
                *[averages.get(name) for name in self.criteria],
                *[answers.get(str(question.pk), "") for question, _title in self.questions],
                *[choices.get(rank) for rank in self.supervisor_ranks],
            ]
        ]


def export_rows(queryset):
    """Header and one row per application: profile fields, state, scores, the answers to the
    intake's questions and the PhD supervisor choices.

    A generator at constant memory, whatever the number of applications: the rows come from
    the database BATCH_SIZE at a time (a server-side cursor on PostgreSQL), each batch with
    one query for its criterion averages, one for its profiles and, with a PhD intake, one
    for its supervisor choices.
    """
    columns = ExportColumns(queryset)
    yield columns.header()
    # Profiles are read per batch, not joined: select_related on the reverse one-to-one links
    # user and profile both ways, a reference cycle per row that only the cyclic garbage
    # collector frees, so memory grew with the export's size.
    applications = queryset.select_related("applicant", "intake__program").order_by(
        "intake_id", "submitted_at", "pk"
    )
    if columns.supervisor_ranks:
        applications = applications.prefetch_related("supervisor_choices__supervisor")
    applications = applications.iterator(chunk_size=BATCH_SIZE)
    for batch in _batches(applications, BATCH_SIZE):
        averages = _criterion_averages([application.pk for application in batch])
        users = [application.applicant_id for application in batch if application.applicant_id]
        profiles = {
            profile.user_id: profile for profile in StudentProfile.objects.filter(user_id__in=users)
        }
        for application in batch:
            yield columns.row(application, averages, profiles)


def export_filename(extension):
    return f"applications-{timezone.localdate():%Y-%m-%d}.{extension}"


class _Lines:
    """A file for csv.writer that hands back each line instead of keeping it."""

    def write(self, line):
        return line


def _csv_lines(queryset, language, time_zone):
    # The response is read after the view returns: keep the request's language and zone.
    with translation.override(language), timezone.override(time_zone):
        writer = csv.writer(_Lines())
        # The BOM tells Excel the file is UTF-8; without it Chinese names come out garbled.
        yield "\ufeff".encode()
        for row in export_rows(queryset):
            yield writer.writerow([csv_text(value) for value in row]).encode("utf-8")


def csv_response(queryset):
    """The CSV streamed as it is written, so its size never weighs on the server's memory."""
    response = StreamingHttpResponse(
        _csv_lines(queryset, translation.get_language(), timezone.get_current_timezone()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename("csv")}"'
    return response


def xlsx_write(queryset, out, *, progress=None):
    """Write the export as XLSX into the file `out`, row by row (openpyxl's write-only mode,
    at constant memory); `progress(rows_written)` is called after each batch."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Applications")[:31])
    sheet.freeze_panes = "A2"
    for number, row in enumerate(export_rows(queryset)):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            # A text cell is never a formula in XLSX, except that openpyxl makes one of "=…".
            if isinstance(value, FormulaLikeText):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
        if progress and number and number % BATCH_SIZE == 0:
            progress(number)
    workbook.save(out)
