"""Reads shared by the catalog, the home-page tag and the feeds."""

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from partnership.models import Organisation
from programs.forms import CatalogSort
from programs.models import ACCEPTING_STATUSES, Intake, IntakeStatus, Program, Supervisor


def catalog_programs(
    *, filters: Mapping[str, Any], now: datetime | None = None
) -> QuerySet[Program]:
    """Published programs with their card summary, filtered and sorted as the visitor asked.

    `filters` are the valid fields of CatalogFilterForm.
    """
    now = now or timezone.now()
    programs = Program.objects.published().with_intake_summary(now)
    if query := filters.get("q"):
        # English and Chinese texts alike: a visitor may type in either language.
        texts = Q()
        for field in ("title", "summary", "description"):
            for code, _name in settings.LANGUAGES:
                texts |= Q(**{f"{build_localized_fieldname(field, code)}__icontains": query})
        programs = programs.filter(texts)
    if kind := filters.get("kind"):
        programs = programs.filter(kind=kind)
    if status := filters.get("status"):
        if status == IntakeStatus.OPEN:
            programs = programs.filter(featured_status__in=ACCEPTING_STATUSES)
        else:
            programs = programs.filter(featured_status=status)
    if organisation := filters.get("organisation"):
        programs = programs.filter(
            pk__in=Program.objects.filter(
                Q(host_organisations=organisation) | Q(partner_organisations=organisation)
            ).values("pk")
        )
    # By the title in the language content is written in, which every program has.
    title = build_localized_fieldname("title", settings.CONTENT_LANGUAGE)
    if filters.get("sort") == CatalogSort.TITLE:
        return programs.order_by(title, "pk")
    return programs.order_by(F("next_deadline").asc(nulls_last=True), title, "pk")


def catalog_organisations() -> QuerySet[Organisation]:
    """Organisations that host or partner a published program: the filter's options."""
    published = Program.objects.published()
    return Organisation.objects.filter(
        Q(hosted_programs__in=published) | Q(partnered_programs__in=published)
    ).distinct()


def published_program(*, slug: str) -> QuerySet[Program]:
    """Queryset for the program page: one published program. Its intakes and organisations
    are read by the page's kept part (program_intakes and the template), so that serving the
    part as kept costs this one query."""
    return Program.objects.published().filter(slug=slug)


def program_intakes(program: Program) -> QuerySet[Intake]:
    """The program's intakes in date order, as its page lists them."""
    return program.intakes.order_by("opens_at", "pk")


def open_programs(*, limit: int, now: datetime | None = None) -> QuerySet[Program]:
    """Published programs taking applications now, soonest deadline first."""
    return catalog_programs(filters={"status": IntakeStatus.OPEN}, now=now)[:limit]


# Calendar apps poll feeds often; deadlines older than this interest nobody and cost time
# (icalendar serialises about 2,500 events a second).
FEED_HISTORY = timedelta(days=365)


def deadline_intakes(
    *, program: Program | None = None, now: datetime | None = None
) -> QuerySet[Intake]:
    """Intakes of published programs whose deadline is ahead or in the last year."""
    now = now or timezone.now()
    intakes = Intake.objects.filter(
        program__is_published=True, closes_at__gte=now - FEED_HISTORY
    ).select_related("program")
    if program is not None:
        intakes = intakes.filter(program=program)
    return intakes.order_by("closes_at", "pk")


def supervisor_directory(*, filters: Mapping[str, Any]) -> QuerySet[Supervisor]:
    """Active supervisors with their unit and areas, narrowed to one research area if asked."""
    supervisors = (
        Supervisor.objects.active().select_related("unit").prefetch_related("research_areas")
    )
    if area := filters.get("area"):
        supervisors = supervisors.filter(research_areas=area)
    return supervisors
