"""Figures of one intake for the admin dashboard, and the geometry of its SVG charts."""

from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Avg, Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import DegreeLevel
from applications.models import Application
from applications.seats import seats_taken
from applications.states import ApplicationState
from selection.models import MAX_SCORE, ReviewScore
from selection.selectors import waitlist

S = ApplicationState

# Chart geometry in SVG user units; the SVG scales to its container through CSS.
LABEL_WIDTH = 220
BAR_AREA = 360
ROW_HEIGHT = 28
COLUMN_AREA_HEIGHT = 160
MIN_COLUMNS = 30


@dataclass
class Bar:
    label: str
    value: float
    y: int = 0
    width: float = 0


@dataclass
class Chart:
    title: str
    description: str
    bars: list
    height: int = 0
    scale: float = 0  # the value of a full-width bar; the largest value when 0
    label_width: int = LABEL_WIDTH
    value_x: int = 0
    width: int = LABEL_WIDTH + BAR_AREA + 60

    def layout(self):
        top = self.scale or max((bar.value for bar in self.bars), default=0) or 1
        for index, bar in enumerate(self.bars):
            bar.y = index * ROW_HEIGHT
            bar.width = round(BAR_AREA * bar.value / top, 1)
        self.height = max(len(self.bars), 1) * ROW_HEIGHT
        self.value_x = LABEL_WIDTH + BAR_AREA + 8
        return self


@dataclass
class Column:
    label: str
    value: int
    x: int = 0
    y: float = 0
    height: float = 0


@dataclass
class ColumnChart:
    title: str
    description: str
    columns: list
    width: int = 0
    height: int = COLUMN_AREA_HEIGHT
    column_width: int = 12

    def layout(self):
        top = max((column.value for column in self.columns), default=0) or 1
        for index, column in enumerate(self.columns):
            column.height = round(COLUMN_AREA_HEIGHT * column.value / top, 1)
            column.x = index * (self.column_width + 4)
            column.y = COLUMN_AREA_HEIGHT - column.height
        # At least a month wide, so a few days do not become a few giant columns.
        self.width = max(len(self.columns), MIN_COLUMNS) * (self.column_width + 4)
        return self


# The charts' groupings read every submitted application of the intake and every score (at
# 100,000 applications, 360 ms on PostgreSQL): they are kept this long, and the page says how
# old they are. Seats, states and the waitlist, which decisions rest on, are always read anew.
DISTRIBUTIONS_SECONDS = 60


def _distributions_key(intake_id):
    return f"selection:dashboard:{intake_id}"


def distributions_forget(intake_id):
    """After a review is saved, its intake's charts are read anew on the next visit."""
    cache.delete(_distributions_key(intake_id))


def _distributions(intake):
    """Submissions per day, per university and degree level, and the average score per
    criterion: plain values, cached for DISTRIBUTIONS_SECONDS."""
    key = _distributions_key(intake.pk)
    cached = cache.get(key)
    if cached is not None:
        return cached
    applications = Application.objects.filter(intake=intake).submitted()
    per_day = [
        (row["day"], row["count"])
        for row in applications.annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(count=Count("pk"))
        .order_by("day")
        if row["day"]
    ]
    # Universities and degree levels in one pass: each grouping joins every submitted
    # application to its applicant's profile.
    by_university = Counter()
    by_degree = Counter()
    for university, degree, count in (
        applications.values_list(
            "applicant__profile__university", "applicant__profile__degree_level"
        )
        .annotate(count=Count("pk"))
        .order_by()
    ):
        by_university[university or ""] += count
        by_degree[degree] += count
    scores = list(
        # The intake's own criteria: review_save scores no other, and the filter needs no
        # join through reviews and applications (600,000 scores at 100,000 applications).
        ReviewScore.objects.filter(criterion__intake=intake)
        .values("criterion__name", "criterion__position")
        .annotate(average=Avg("score"), count=Count("pk"))
        .order_by("criterion__position", "criterion__name")
    )
    cached = {
        "per_day": per_day,
        "by_university": sorted(by_university.items(), key=lambda item: (-item[1], item[0])),
        "by_degree": dict(by_degree),
        "scores": scores,
        "as_of": timezone.now(),
    }
    cache.set(key, cached, DISTRIBUTIONS_SECONDS)
    return cached


def intake_figures(intake):
    """Everything the dashboard shows, in a handful of grouped queries."""
    by_state = dict(
        Application.objects.filter(intake=intake)
        .values_list("state")
        .annotate(count=Count("pk"))
        .order_by()
    )
    distributions = _distributions(intake)
    by_degree, scores = distributions["by_degree"], distributions["scores"]
    taken = seats_taken(intake)
    state_rows = [(state.label, by_state.get(state.value, 0)) for state in S]
    return {
        "submitted": sum(by_state.values()) - by_state.get(S.DRAFT, 0),
        "seats": intake.capacity,
        "seats_taken": taken,
        "seats_left": max(intake.capacity - taken, 0),
        "state_rows": state_rows,
        "state_chart": Chart(
            title=str(_("Applications by state")),
            description=str(_("Number of applications of this intake in each state.")),
            bars=[Bar(label, count) for label, count in state_rows],
        ).layout(),
        "per_day": ColumnChart(
            title=str(_("Applications submitted per day")),
            description=str(_("One column per day with at least one submission.")),
            columns=[Column(day.isoformat(), count) for day, count in distributions["per_day"]],
        ).layout(),
        "university_chart": Chart(
            title=str(_("Applications by university")),
            description=str(_("Submitted applications per university of the applicant.")),
            bars=[
                Bar(university or str(_("Not given")), count)
                for university, count in distributions["by_university"]
            ],
        ).layout(),
        "degree_chart": Chart(
            title=str(_("Applications by degree level")),
            description=str(_("Submitted applications per current degree level.")),
            bars=[Bar(label, by_degree.get(value, 0)) for value, label in DegreeLevel.choices],
        ).layout(),
        "score_chart": Chart(
            title=str(_("Average score per criterion")),
            description=str(_("Mean of all reviewers' scores, from 1 to 5.")),
            bars=[Bar(row["criterion__name"], round(row["average"], 2)) for row in scores],
            scale=MAX_SCORE,
        ).layout(),
        "score_rows": scores,
        "charts_as_of": distributions["as_of"],
        "waitlist": list(waitlist(intake)),
    }
