"""Factories and builders for the programs tests (shared ones are in tests/factories.py)."""

from datetime import timedelta

import factory
from django.utils import timezone

from tests.factories import IntakeFactory, ProgramFactory

# The seven programs the document import creates, by slug.
DOCUMENT_PROGRAMS = [
    (
        "international-graduate-summer-school",
        "summer_school",
        "International Graduate Summer School",
    ),
    ("zierip", "zierip", "ZIERIP"),
    ("internship-at-alibaba", "internship", "Internship at Alibaba"),
    ("intelligent-internet-technology-phd", "phd", "Intelligent Internet Technology PhD program"),
    ("summer-camp", "summer_camp", "Summer Camp of the School of Software Technology"),
    ("young-fellow-camp", "young_fellow_camp", "Alibaba Young Fellow Camp"),
    ("joint-training-base", "training_base", "Joint Training Base for Innovative Talents"),
]


def create_document_programs():
    return [
        ProgramFactory(slug=slug, kind=kind, title=title) for slug, kind, title in DOCUMENT_PROGRAMS
    ]


class UpcomingIntakeFactory(IntakeFactory):
    opens_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=40))


class ClosedIntakeFactory(IntakeFactory):
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=60))
    closes_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))


class ClosingSoonIntakeFactory(IntakeFactory):
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))


def build_large_catalog(size=1000):
    """`size` programs with 5 intakes each (one per status and a second open one); every
    other program hosted by Zhejiang University (slug "zju"). For query-count guards and
    bench/catalog.py, so both measure the same data."""
    from partnership.models import Organisation
    from programs.models import Intake, Program, ProgramKind

    zju, _ = Organisation.objects.get_or_create(
        slug="zju", defaults={"name": "Zhejiang University", "kind": "university"}
    )
    now = timezone.now()
    programs = Program.objects.bulk_create(
        Program(
            kind=ProgramKind.values[n % len(ProgramKind.values)],
            title=f"Program {n}",
            slug=f"program-{n}",
            summary=f"Summary {n}",
            description="A joint program of Zhejiang University and Alibaba. " * 5,
        )
        for n in range(size)
    )
    Program.host_organisations.through.objects.bulk_create(
        Program.host_organisations.through(program=program, organisation=zju)
        for program in programs[::2]
    )
    windows = [(-30, 20), (-10, 3), (5, 40), (-90, -60), (-5, 60)]
    Intake.objects.bulk_create(
        Intake(
            program=program,
            name=f"Round {i}",
            opens_at=now + timedelta(days=opens + n % 7),
            closes_at=now + timedelta(days=closes + n % 7),
            starts_on=(now + timedelta(days=100)).date(),
            ends_on=(now + timedelta(days=130)).date(),
            capacity=20,
        )
        for n, program in enumerate(programs)
        for i, (opens, closes) in enumerate(windows)
    )
    return programs


REQUIREMENTS = ["requires_cv", "requires_transcript", "requires_photo", "requires_statement"]


def intake_admin_form(intake, **changes):
    """The intake's admin form as the browser posts it: `intake`'s values (an unsaved one for
    the add page), with no inline rows, then `changes`."""
    local = timezone.localtime
    data = {
        "program": intake.program_id,
        "name_en": intake.name,
        "capacity": intake.capacity,
        "offer_reply_days": intake.offer_reply_days,
        "opens_at_0": local(intake.opens_at).date().isoformat(),
        "opens_at_1": local(intake.opens_at).strftime("%H:%M:%S"),
        "closes_at_0": local(intake.closes_at).date().isoformat(),
        "closes_at_1": local(intake.closes_at).strftime("%H:%M:%S"),
        "starts_on": intake.starts_on.isoformat(),
        "ends_on": intake.ends_on.isoformat(),
        "referees_required": intake.referees_required,
        "interview_change_cutoff_hours": intake.interview_change_cutoff_hours,
        **{
            field: "on"
            for field in [
                "requires_cv",
                "requires_transcript",
                "requires_photo",
                "requires_statement",
            ]
            if getattr(intake, field)
        },
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "review_criteria-TOTAL_FORMS": "0",
        "review_criteria-INITIAL_FORMS": "0",
    }
    return {**data, **changes}
