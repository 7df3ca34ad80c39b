"""Demo intakes and example supervisors for the programs of the source document."""

from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from portal.models import Organisation, OrganisationKind
from programs.models import Intake, IntakeQuestion, Program, QuestionKind, ResearchArea, Supervisor

DOCUMENT_PROGRAM_SLUGS = [
    "international-graduate-summer-school",
    "zierip",
    "internship-at-alibaba",
    "intelligent-internet-technology-phd",
    "summer-camp",
    "young-fellow-camp",
    "joint-training-base",
]

# key: (program slug, intake name, opens in days, closes in days, starts in days, weeks, seats),
# relative to today, so every run shows open, closing-soon, upcoming and closed rounds. The
# name carries the year the program starts.
INTAKES = {
    "summer-school": ("international-graduate-summer-school", "Summer {year}", -20, 40, 120, 2, 60),
    # Starts 366 days before the current round, so its name has the previous year.
    "summer-school-past": (
        "international-graduate-summer-school",
        "Summer {year}",
        -400,
        -300,
        -246,
        2,
        60,
    ),
    "zierip": ("zierip", "ZIERIP {year}", -30, 5, 90, 13, 30),
    "spring-internship": ("internship-at-alibaba", "Spring internship {year}", -10, 25, 60, 12, 50),
    "autumn-internship": ("internship-at-alibaba", "Autumn internship {year}", 30, 75, 150, 12, 50),
    "phd": ("intelligent-internet-technology-phd", "PhD intake {year}", -45, 3, 200, 208, 11),
    "summer-camp": ("summer-camp", "Summer camp {year}", 14, 60, 100, 1, 80),
    "young-fellow": ("young-fellow-camp", "Young Fellow camp {year}", -90, -10, 20, 1, 40),
    "training-base": ("joint-training-base", "Joint training base {year}", -5, 55, 120, 26, 20),
}

# (intake key, label, kind, choices, required)
QUESTIONS = [
    (
        "zierip",
        "Which track do you prefer for the internship weeks?",
        QuestionKind.CHOICE,
        "Cloud computing\nE-commerce engineering\nMachine intelligence",
        True,
    ),
    (
        "zierip",
        "Do you need a visa invitation letter?",
        QuestionKind.YES_NO,
        "",
        True,
    ),
    (
        "phd",
        "Describe the research problem you want to work on.",
        QuestionKind.LONG_TEXT,
        "",
        True,
    ),
    (
        "phd",
        "Preferred supervisor (optional)",
        QuestionKind.TEXT,
        "",
        False,
    ),
    (
        "spring-internship",
        "Link to a project or code repository you are proud of",
        QuestionKind.TEXT,
        "",
        False,
    ),
]

UNITS = {
    "damo-academy": ("Alibaba DAMO Academy", "DAMO Academy"),
    "alibaba-cloud-intelligence": ("Alibaba Cloud Intelligence", "Alibaba Cloud"),
}

# Invented people: the document says 11 experts became supervisors but names none.
SUPERVISORS = [
    ("Chen Yiming", "Senior staff engineer", "damo-academy", ["Computer vision"], 2),
    ("Li Xiaowen", "Principal researcher", "damo-academy", ["Natural language processing"], 2),
    ("Wang Haoran", "Senior expert", "alibaba-cloud-intelligence", ["Distributed systems"], 1),
    ("Zhao Lingyun", "Staff researcher", "damo-academy", ["Machine learning systems"], 1),
    ("Sun Jiahui", "Senior expert", "alibaba-cloud-intelligence", ["Databases"], 2),
    ("Zhou Tianyu", "Principal engineer", "alibaba-cloud-intelligence", ["Cloud security"], 1),
    ("Wu Mengqi", "Senior researcher", "damo-academy", ["Speech and audio"], 1),
    ("Xu Zhiqiang", "Staff engineer", "damo-academy", ["Quantum computing"], 1),
    ("Huang Ruoxi", "Senior expert", "alibaba-cloud-intelligence", ["Internet of Things"], 2),
    ("Lin Bowen", "Principal researcher", "damo-academy", ["Chip design"], 1),
    (
        "Guo Shanshan",
        "Senior staff engineer",
        "alibaba-cloud-intelligence",
        ["Distributed systems", "Databases"],
        2,
    ),
]


class Command(BaseCommand):
    help = (
        "Create demo intakes (open, closing soon, upcoming, closed — relative to today) and "
        "11 example supervisors for the imported programs. Safe to run again."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        programs = Program.objects.in_bulk(DOCUMENT_PROGRAM_SLUGS, field_name="slug")
        missing = [slug for slug in DOCUMENT_PROGRAM_SLUGS if slug not in programs]
        if missing:
            raise CommandError(
                f"These programs do not exist yet: {', '.join(missing)}. "
                "Run `manage.py import_document` first."
            )
        today = timezone.localdate()
        intakes = self.seed_intakes(programs, today)
        self.seed_questions(intakes)
        supervisors = self.seed_supervisors()
        self.stdout.write(
            f"Demo data: {len(intakes)} intakes and {supervisors} example supervisors."
        )

    def seed_intakes(self, programs, today):
        intakes = {}
        for key, (slug, name, opens, closes, starts, weeks, seats) in INTAKES.items():
            starts_on = today + timedelta(days=starts)
            intakes[key], _created = Intake.objects.update_or_create(
                program=programs[slug],
                name=name.format(year=starts_on.year),
                defaults={
                    "opens_at": self.at(today + timedelta(days=opens), time(9, 0)),
                    "closes_at": self.at(today + timedelta(days=closes), time(23, 59)),
                    "starts_on": starts_on,
                    "ends_on": starts_on + timedelta(weeks=weeks),
                    "capacity": seats,
                    "requires_photo": slug == "international-graduate-summer-school",
                },
            )
        return intakes

    def seed_questions(self, intakes):
        for position, (key, label, kind, choices, required) in enumerate(QUESTIONS):
            IntakeQuestion.objects.update_or_create(
                intake=intakes[key],
                label=label,
                defaults={
                    "kind": kind,
                    "choices": choices,
                    "required": required,
                    "position": position,
                },
            )

    def seed_supervisors(self):
        alibaba = self.organisation(
            "alibaba-group", "Alibaba Group", "Alibaba", OrganisationKind.COMPANY
        )
        units = {
            slug: self.organisation(
                slug, name, short_name, OrganisationKind.COMPANY_UNIT, parent=alibaba
            )
            for slug, (name, short_name) in UNITS.items()
        }
        for name, title, unit, areas, quota in SUPERVISORS:
            supervisor, _created = Supervisor.objects.update_or_create(
                slug=slugify(name),
                defaults={
                    "name": name,
                    "title": title,
                    "unit": units[unit],
                    "yearly_quota": quota,
                    "is_active": True,
                    "is_example": True,
                    "profile": (
                        f"Example profile for the demo. {name} is an invented {title.lower()} "
                        f"at {units[unit].name} working on {', '.join(areas).lower()}, shown "
                        "to illustrate the part-time PhD supervisors of the Intelligent "
                        "Internet Technology program."
                    ),
                },
            )
            supervisor.research_areas.set([self.research_area(area) for area in areas])
        return len(SUPERVISORS)

    @staticmethod
    def organisation(slug, name, short_name, kind, parent=None):
        """The unit by slug, or by name if another import gave it a different slug."""
        organisation = (
            Organisation.objects.filter(slug=slug).first()
            or Organisation.objects.filter(name=name).first()
        )
        if organisation is None:
            organisation = Organisation.objects.create(
                slug=slug, name=name, short_name=short_name, kind=kind, parent=parent
            )
        return organisation

    @staticmethod
    def research_area(name):
        area, _created = ResearchArea.objects.get_or_create(
            slug=slugify(name), defaults={"name": name}
        )
        return area

    @staticmethod
    def at(day, clock):
        return timezone.make_aware(datetime.combine(day, clock))
