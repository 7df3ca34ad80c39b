"""Builders named by tests.page_inventory: each creates what its page shows, realistically,
and returns the URL's keyword arguments.

A builder gets the logged-in user (or None for an anonymous visit). Applications are moved
between states only through `application_set_state`, as on the real site.
"""

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.db.models import Max
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.services import make_verification_token
from applications.models import Application
from applications.services import (
    application_save_supervisors,
    application_set_state,
    application_submit,
)
from applications.states import ApplicationState
from partnership.models import NewsArticle, OrganisationKind
from programs.models import IntakeQuestion, ProgramKind, ResearchArea
from selection.models import ReviewCriterion
from selection.services import application_decide, export_job_start, review_assign, review_save
from tests.applications.factories import ApplicationFactory, complete_application
from tests.factories import (
    IntakeFactory,
    OrganisationFactory,
    ProgramFactory,
    StaffFactory,
    StudentProfileFactory,
    SupervisorFactory,
    UserFactory,
)
from tests.files import jpeg_upload
from tests.partnership.factories import FigureBlockFactory, ParagraphFactory
from tests.programs.factories import (
    ClosedIntakeFactory,
    ClosingSoonIntakeFactory,
    UpcomingIntakeFactory,
)
from tests.selection.factories import make_manager, make_reviewer

DOCUMENT = Path(settings.BASE_DIR) / "content" / "zju-alibaba-cooperation-2020.txt"


# Partnership pages ------------------------------------------------------------------------


def imported_document(user=None):
    """The database as `make run` leaves it: the source document imported."""
    call_command("import_document", str(DOCUMENT), stdout=StringIO())
    return {}


def _next_position(article):
    return article.blocks.aggregate(last=Max("position"))["last"] + 1


def news_article_with_figures(user=None):
    """The imported article, with one of its figures given a photo and an extra paragraph."""
    imported_document()
    article = NewsArticle.objects.published().latest_first().first()
    block = article.blocks.filter(kind="figure", figure__isnull=False).first()
    if block is not None:
        block.figure.image = jpeg_upload("ceremony.jpg", size=(1200, 800))
        block.figure.alt_text = "Guests on the stage at the signing ceremony"
        block.figure.save()
    else:
        FigureBlockFactory(article=article, position=_next_position(article))
    ParagraphFactory(article=article, position=_next_position(article))
    return {"slug": article.slug}


# Programs ---------------------------------------------------------------------------------


def _research_areas():
    return [
        ResearchArea.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [
            ("machine-intelligence", "Machine intelligence"),
            ("cloud-computing", "Cloud computing"),
            ("data-intelligence", "Data intelligence"),
        ]
    ]


def _supervisors(count=3):
    unit = OrganisationFactory(
        slug="alibaba-damo-academy",
        name="Alibaba DAMO Academy",
        kind=OrganisationKind.COMPANY_UNIT,
    )
    areas = _research_areas()
    supervisors = []
    for index in range(count):
        supervisor = SupervisorFactory(
            unit=unit,
            profile="Leads research on large-scale systems and mentors doctoral students.",
            is_example=index == 0,
        )
        supervisor.research_areas.set(areas[: index + 1])
        supervisors.append(supervisor)
    SupervisorFactory(unit=unit, is_active=False, name="Retired Supervisor")
    return supervisors


def program_with_intakes(user=None):
    """A program with an open, a closing-soon, an upcoming and a closed intake."""
    host = OrganisationFactory(
        slug="zju-software-school",
        name="School of Software Technology, Zhejiang University",
        kind=OrganisationKind.UNIVERSITY,
    )
    program = ProgramFactory(
        kind=ProgramKind.ZIERIP,
        location="Hangzhou and Ningbo",
        eligibility="Master's students of partner universities.",
        study_weeks=12,
        internship_weeks=8,
    )
    program.host_organisations.add(host)
    IntakeFactory(program=program, name="Autumn 2027")
    ClosingSoonIntakeFactory(program=program, name="Summer 2027")
    UpcomingIntakeFactory(program=program, name="Spring 2028")
    ClosedIntakeFactory(program=program, name="Spring 2026")
    return {"slug": program.slug}


def catalog(user=None):
    """Programs of several kinds and intake states, one unpublished, one without intakes."""
    program_with_intakes()
    phd = ProgramFactory(kind=ProgramKind.PHD, title="Intelligent Internet Technology PhD")
    UpcomingIntakeFactory(program=phd, name="Autumn 2028")
    ClosedIntakeFactory(program=ProgramFactory(kind=ProgramKind.INTERNSHIP), name="Summer 2026")
    ProgramFactory(kind=ProgramKind.SUMMER_CAMP)
    ProgramFactory(kind=ProgramKind.SUMMER_SCHOOL, is_published=False)
    return {}


def program_deadlines(user=None):
    return program_with_intakes()


def supervisor_list(user=None):
    _supervisors()
    return {}


def supervisor(user=None):
    return {"slug": _supervisors()[1].slug}


# Accounts ---------------------------------------------------------------------------------


def unverified(user):
    """The student has not opened the verification link yet."""
    type(user).objects.filter(pk=user.pk).update(email_verified_at=None)
    return {}


def verification_token(user):
    """A valid link for this not yet verified student, as the email would carry."""
    unverified(user)
    user.refresh_from_db()
    return {"token": make_verification_token(user)}


def password_reset_link(user=None):
    """The uid and token of a real reset email."""
    user = user or UserFactory()
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


# Applications -----------------------------------------------------------------------------


def _phd_intake():
    program = ProgramFactory(kind=ProgramKind.PHD, title="Intelligent Internet Technology PhD")
    return IntakeFactory(program=program, name="Autumn 2027")


def _with_questions(intake):
    IntakeQuestion.objects.create(
        intake=intake,
        label="Which track interests you most?",
        kind="choice",
        choices="Cloud computing\nMachine intelligence\nData intelligence",
        position=1,
    )
    IntakeQuestion.objects.create(
        intake=intake,
        label="Describe a project you are proud of.",
        help_text="Two or three sentences.",
        kind="long_text",
        required=False,
        position=2,
    )
    IntakeQuestion.objects.create(
        intake=intake, label="Have you lived abroad before?", kind="yes_no", position=3
    )
    return intake


def _answers(intake):
    questions = list(intake.questions.order_by("position"))
    values = ["Cloud computing", "A distributed key-value store for my bachelor thesis.", "yes"]
    return {str(q.pk): value for q, value in zip(questions, values, strict=False)}


def _draft(user, *, phd=False, questions=True):
    """A draft with a statement, a CV and a transcript (and supervisors for the PhD)."""
    intake = _phd_intake() if phd else IntakeFactory()
    if questions:
        _with_questions(intake)
    application = complete_application(
        applicant=user, intake=intake, answers=_answers(intake) if questions else {}
    )
    if phd:
        application_save_supervisors(
            application=application, user=user, supervisors=_supervisors()[:2]
        )
    return application


def _submitted(user, *, phd=True):
    application = _draft(user, phd=phd)
    application_submit(application=application, by=user)
    return application


def open_intake(user):
    """An open intake the student has not applied to yet."""
    return {"intake_id": _with_questions(IntakeFactory()).pk}


def fresh_draft(user):
    """A draft just started: the resume link sends the student to the first unfinished step."""
    return {"pk": ApplicationFactory(applicant=user).pk}


def draft(user):
    return {"pk": _draft(user).pk}


def phd_draft(user):
    return {"pk": _draft(user, phd=True).pk}


def phd_draft_without_supervisors(user):
    _supervisors()
    return {"pk": complete_application(applicant=user, intake=_phd_intake()).pk}


def submitted_phd(user):
    return {"pk": _submitted(user).pk}


def offered(user):
    """Submitted, then reviewed, shortlisted and offered a place by staff."""
    application = _submitted(user, phd=False)
    staff = StaffFactory()
    for state in (
        ApplicationState.UNDER_REVIEW,
        ApplicationState.SHORTLISTED,
        ApplicationState.OFFERED,
    ):
        application_set_state(application=application, new_state=state, by=staff, note="")
    return {"pk": application.pk}


def dashboard(user):
    """Applications in several states: a draft, one submitted, one offered, one withdrawn."""
    _draft(user, questions=False)
    _submitted(user)
    offered(user)
    withdrawn = _draft(user, questions=False)
    application_set_state(
        application=withdrawn, new_state=ApplicationState.WITHDRAWN, by=user, note=""
    )
    return {}


def document(user):
    application = _draft(user, questions=False)
    return {"pk": application.documents.get(kind="cv").pk}


def data_to_export(user):
    _submitted(user)
    return {}


# Staff pages in the admin -------------------------------------------------------------------


def manager():
    return make_manager(first_name="Mei", last_name="Lin")


def reviewer():
    return make_reviewer()


def _applicant(university="Zhejiang University", degree_level="master"):
    return StudentProfileFactory(university=university, degree_level=degree_level).user


def _submitted_to(intake, **profile):
    applicant = _applicant(**profile)
    application = complete_application(applicant=applicant, intake=intake, answers=_answers(intake))
    application_submit(application=application, by=applicant)
    return application


def _reviewed(application, reviewers, scores, *, by):
    for staff, score in zip(reviewers, scores, strict=True):
        review_assign(applications=[application], reviewer=staff, by=by)
        criteria = application.intake.review_criteria.all()
        review_save(
            application=application,
            reviewer=staff,
            scores=dict.fromkeys(criteria, score),
            comment="Strong record; the statement is specific about the internship.",
        )


def _intake_in_selection(by):
    """An intake with three seats, three criteria and applications across the states of
    selection: submitted, under review, shortlisted, offered, waitlisted, rejected."""
    intake = _with_questions(IntakeFactory(capacity=3, name="Autumn 2027"))
    for position, name in enumerate(["Academic record", "Motivation", "Technical skills"]):
        ReviewCriterion.objects.create(intake=intake, name=name, position=position)
    reviewers = [reviewer(), reviewer()]
    universities = [
        ("Zhejiang University", "master"),
        ("Tongji University", "bachelor"),
        ("Xiamen University", "master"),
        ("Zhejiang University", "phd"),
    ]
    plan = [
        ([], []),  # just submitted
        (reviewers[:1], []),  # under review, no score yet
        (reviewers, ["shortlist"]),
        (reviewers, ["shortlist", "offer"]),
        (reviewers, ["shortlist", "waitlist"]),
        (reviewers, ["shortlist", "waitlist"]),
        (reviewers, ["reject"]),
    ]
    applications = []
    for index, (assigned, decisions) in enumerate(plan):
        application = _submitted_to(
            intake,
            **dict(zip(("university", "degree_level"), universities[index % 4], strict=True)),
        )
        scores = [(index % 5) + 1, ((index + 2) % 5) + 1][: len(assigned)]
        if assigned == reviewers[:1]:
            review_assign(applications=[application], reviewer=assigned[0], by=by)
        else:
            _reviewed(application, assigned, scores, by=by)
        for decision in decisions:
            application_decide(application=application, decision=decision, by=by)
        applications.append(application)
    return intake, applications


def intake_in_selection(user):
    """The applications of one intake in selection, as the list and dashboard show them."""
    intake, _applications = _intake_in_selection(user)
    return {"intake_id": intake.pk}


def intakes(user):
    """Several intakes: one in selection, others of other programs and states."""
    program_with_intakes()
    _intake_in_selection(user)
    return {}


def application_in_selection(user):
    """A shortlisted PhD application with supervisors, answers, two reviews and its history."""
    application = _submitted(_applicant(), phd=True)
    for position, name in enumerate(["Academic record", "Research potential"]):
        ReviewCriterion.objects.create(intake=application.intake, name=name, position=position)
    _reviewed(application, [reviewer(), reviewer()], [4, 5], by=user)
    application_decide(application=application, decision="shortlist", by=user)
    return {"object_id": application.pk}


def document_in_selection(user):
    """A submitted application's CV, as staff download it from the application's page."""
    application = _submitted(_applicant(), phd=False)
    return {"object_id": application.pk, "document_id": application.documents.get(kind="cv").pk}


def application_to_review(user):
    """An application under review, assigned to the logged-in reviewer; another reviewer has
    scored it already."""
    application = _submitted(_applicant(), phd=False)
    for position, (name, description) in enumerate(
        [
            ("Academic record", "Grades and rank in the major."),
            ("Motivation", ""),
            ("Technical skills", "Projects, internships, open-source work."),
        ]
    ):
        ReviewCriterion.objects.create(
            intake=application.intake, name=name, description=description, position=position
        )
    by = manager()
    _reviewed(application, [reviewer()], [4], by=by)
    review_assign(applications=[application], reviewer=user, by=by)
    return {"object_id": application.pk}


def export_ready(user):
    """An Excel export of one application that the worker has built, as managers download it."""
    _submitted(_applicant(), phd=False)
    # Tasks run at once in tests: the job is built as it is queued.
    job = export_job_start(queryset=Application.objects.exclude(state="draft"), by=user)
    return {"job_id": job.pk}
