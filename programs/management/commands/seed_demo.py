"""Demo intakes, example supervisors and Chinese texts for the programs of the source document.

Created once, on a database whose catalog never had an intake or a supervisor: `make run` runs
this at every start, and a later run must never undo what staff changed (an intake's seats and
dates, a supervisor, a program's texts) nor bring back what they deleted.
"""

from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from partnership.models import Organisation, OrganisationKind
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

# The document introduces these two programs in one sentence, their English summary.
SUMMER_SCHOOL_AND_ZIERIP_ZH = (
    "近两年来，双方每年夏天联合举办国际研究生暑期学校，并举办浙江大学国际软件工程产学研项目"
    "（ZIERIP）：来自斯坦福大学、麻省理工学院、哈佛大学、剑桥大学、新加坡国立大学等世界一流"
    "大学的学生在浙江大学学习2周，并在阿里巴巴等合作企业实习11周。"
)

# Chinese texts of the imported programs (the import reads an English document only):
# slug: (Chinese title, Chinese summary). Each summary translates the sentence the import takes
# as the English summary and description, so the same text also fills the Chinese description.
CHINESE_TEXTS = {
    "international-graduate-summer-school": (
        "国际研究生暑期学校",
        SUMMER_SCHOOL_AND_ZIERIP_ZH,
    ),
    "zierip": (
        "浙江大学国际软件工程产学研项目（ZIERIP）",
        SUMMER_SCHOOL_AND_ZIERIP_ZH,
    ),
    "internship-at-alibaba": (
        "阿里巴巴实习",
        "近年来，学院约50名在读研究生在阿里巴巴集团实习，每年有30余名应届毕业生加入阿里巴巴集团。",
    ),
    "intelligent-internet-technology-phd": (
        "智能互联网技术博士项目",
        "2019年11月，浙江大学计算机科学与技术学院、软件学院与阿里巴巴联合发布浙江大学2020年智能"
        "互联网技术博士项目招生简章。该项目聚焦互联网产业的关键原创研究与核心技术，搭建资源共享、"
        "合作共赢的校企协同创新与工程人才培养平台。",
    ),
    "summer-camp": (
        "夏令营",
        "2019年7月，浙江大学软件学院夏令营在阿里巴巴开营。",
    ),
    "young-fellow-camp": (
        "青年学者营",
        "2019年10月，软件学院面向工程类研究生的阿里巴巴青年学者营开营。",
    ),
    "joint-training-base": (
        "联合培养基地",
        "在前期广泛合作的基础上，浙江大学软件学院与阿里巴巴集团共建的浙江大学—阿里巴巴创新人才"
        "联合培养基地于2019年12月经浙江省教育厅批准，成为省级研究生联合培养基地。",
    ),
}

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


def demo_was_created():
    """True once the catalog has had an intake or a supervisor. Their history keeps the rows
    staff deleted, so deleting every demo intake does not bring the demo back."""
    return any(model.objects.exists() or model.history.exists() for model in (Intake, Supervisor))


class Command(BaseCommand):
    help = (
        "Create demo intakes (open, closing soon, upcoming, closed — relative to today) and "
        "11 example supervisors for the imported programs, and fill in their empty Chinese "
        "titles and summaries. Only once: later runs change nothing."
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
        if demo_was_created():
            self.stdout.write(
                "Demo data: created before, so nothing changed (edits made in admin are kept)."
            )
            return
        chinese = self.seed_chinese_texts(programs)
        today = timezone.localdate()
        intakes = self.seed_intakes(programs, today)
        self.seed_questions(intakes)
        supervisors = self.seed_supervisors()
        self.stdout.write(
            f"Demo data: {chinese} Chinese program texts filled in, {len(intakes)} intakes "
            f"and {supervisors} example supervisors."
        )

    def seed_chinese_texts(self, programs):
        """Fill each empty Chinese text; one staff already wrote is theirs and stays."""
        filled = 0
        for slug, (title, summary) in CHINESE_TEXTS.items():
            texts = {
                "title_zh_hans": title,
                "summary_zh_hans": summary,
                "description_zh_hans": summary,
            }
            for field, text in texts.items():
                # Conditional UPDATE: an edit saved since in_bulk read the row is not undone.
                empty = Q(**{field: ""}) | Q(**{f"{field}__isnull": True})
                filled += Program.objects.filter(empty, pk=programs[slug].pk).update(
                    **{field: text}
                )
        return filled

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
