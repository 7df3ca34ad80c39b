"""Builders named by tests.page_inventory for the pages of referees and interviews: each
creates what its page shows through the services the real site uses, and returns the URL's
keyword arguments. (The other builders are in tests/page_builders.py.)"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from applications.documents import clean_pdf
from applications.interviews.services import interview_book
from applications.referees.links import referee_token
from applications.referees.services import letter_mark_opened, letter_submit, referee_invite
from applications.services import application_set_state, application_submit
from applications.states import ApplicationState
from selection.interviews import interview_assess, interview_invite, interview_slots_publish
from tests.applications.factories import complete_application
from tests.factories import IntakeFactory, StudentProfileFactory
from tests.files import minimal_pdf
from tests.page_builders import manager, reviewer

LETTER = (
    "I supervised Ms Wang's bachelor's thesis on distributed storage. She is among the most "
    "careful and independent students I have taught in ten years, and I recommend her warmly."
)


def _letters_intake(**kwargs):
    return IntakeFactory(
        program__title="ZIERIP",
        name="Summer 2027",
        referees_required=2,
        letters_due_at=timezone.now() + timedelta(days=20),
        **kwargs,
    )


def _invite(application, name, email, relationship="Supervisor of my bachelor's thesis"):
    return referee_invite(
        application=application,
        user=application.applicant,
        name=name,
        email=email,
        institution="Zhejiang University",
        relationship=relationship,
        language="en",
    )


def _send_letter(referee, text=""):
    upload = None
    if not text:
        upload = clean_pdf(
            SimpleUploadedFile("letter.pdf", minimal_pdf(), content_type="application/pdf")
        )
    letter_mark_opened(referee=referee)
    return letter_submit(referee=referee, language="en", text=text, upload=upload)


def _with_referees(user, **intake):
    """A draft with two referees named, the second of whom has opened the link; returns the
    application and the first referee."""
    application = complete_application(applicant=user, intake=_letters_intake(**intake))
    first = _invite(application, "Prof. Li Hua", "li.hua@university.example.org")
    second = _invite(application, "Dr. Chen Wei", "chen.wei@alibaba.example.com", "Mentor")
    letter_mark_opened(referee=second)
    return application, first


# The student's pages ------------------------------------------------------------------------


def draft_with_referees(user):
    """A draft of an intake asking for three letters: two referees named, one more to go."""
    application = complete_application(applicant=user, intake=_letters_intake())
    application.intake.referees_required = 3
    application.intake.save()
    _invite(application, "Prof. Li Hua", "li.hua@university.example.org")
    letter_mark_opened(
        referee=_invite(application, "Dr. Chen Wei", "chen.wei@alibaba.example.com", "Mentor")
    )
    return {"pk": application.pk}


def referee_to_replace(user):
    application, referee = _with_referees(user)
    return {"pk": application.pk, "referee_id": referee.pk}


# The referee's page, reached without an account --------------------------------------------


def referee_link(user=None):
    _application, referee = _with_referees(StudentProfileFactory().user)
    return {"token": referee_token(referee)}


# Interviews ----------------------------------------------------------------------------------


def _shortlisted(user, intake):
    application = complete_application(applicant=user, intake=intake)
    application_submit(application=application, by=user)
    by = manager()
    for state in (ApplicationState.UNDER_REVIEW, ApplicationState.SHORTLISTED):
        application_set_state(application=application, new_state=state, by=by)
    interview_invite(applications=[application], by=by)
    return application


def _slots(intake, host, *, days=3, count=3, room="", online_url="https://meet.example.org/z"):
    start = (timezone.now() + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    return interview_slots_publish(
        intake=intake,
        interviewer=host,
        first_start=start,
        count=count,
        length_minutes=20,
        break_minutes=10,
        room=room,
        online_url=online_url,
        by=manager(),
    )


def _book(application, slot):
    return interview_book(
        interview=application.interview,
        slot=slot,
        user=application.applicant,
        time_zone="Europe/Berlin",
    )


def _held(interview, *, hours_ago=2):
    """As if the interview had taken place: its slot moved into the past."""
    slot = interview.slot
    slot.starts_at = timezone.now() - timedelta(hours=hours_ago)
    slot.save()
    return interview


def interview_to_book(user):
    """Invited, three slots (online and in a room), one of them taken by another student."""
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027")
    host = reviewer()
    slots = _slots(intake, host) + _slots(intake, host, days=4, count=1, room="Room 301")
    application = _shortlisted(user, intake)
    _book(_shortlisted(StudentProfileFactory().user, intake), slots[0])
    return {"pk": application.pk}


def interview_booked(user):
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027")
    slots = _slots(intake, reviewer())
    application = _shortlisted(user, intake)
    _book(application, slots[1])
    return {"pk": application.pk}


# Staff pages ---------------------------------------------------------------------------------


def _letter(text=""):
    """A submitted application whose first referee has sent their letter."""
    application, referee = _with_referees(StudentProfileFactory().user, submit_before_letters=True)
    _send_letter(referee, text=text)
    application_submit(application=application, by=application.applicant)
    return application, referee


def letter_in_selection(user):
    application, referee = _letter()
    return {"object_id": application.pk, "referee_id": referee.pk}


def written_letter_in_selection(user):
    application, referee = _letter(text=LETTER)
    return {"object_id": application.pk, "referee_id": referee.pk}


def application_with_letters_and_interview(user):
    """Shortlisted, one letter in and one awaited, interviewed and assessed."""
    intake = _letters_intake(submit_before_letters=True)
    host = reviewer()
    slots = _slots(intake, host)
    applicant = StudentProfileFactory().user
    application = complete_application(applicant=applicant, intake=intake)
    first = _invite(application, "Prof. Li Hua", "li.hua@university.example.org")
    _invite(application, "Dr. Chen Wei", "chen.wei@alibaba.example.com", "Mentor")
    _send_letter(first)
    application_submit(application=application, by=applicant)
    for state in (ApplicationState.UNDER_REVIEW, ApplicationState.SHORTLISTED):
        application_set_state(application=application, new_state=state, by=user)
    interview_invite(applications=[application], by=user)
    interview = _held(_book(application, slots[0]))
    interview_assess(interview=interview, by=host, score=4, notes="Clear on her thesis.")
    return {"object_id": application.pk}


def intake_with_interviews(user):
    """Slots of two interviewers: booked and assessed, booked, free; one invited student has
    not booked."""
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027")
    first, second = reviewer(), reviewer()
    slots = _slots(intake, first) + _slots(intake, second, days=5, count=2, room="Room 301")
    booked = [_book(_shortlisted(StudentProfileFactory().user, intake), s) for s in slots[:2]]
    interview_assess(interview=_held(booked[0]), by=first, score=5, notes="Excellent.")
    _shortlisted(StudentProfileFactory().user, intake)
    return {"intake_id": intake.pk}


def interviews_of(user):
    """The logged-in interviewer's week: one interview held and assessed, one held and not
    assessed yet, one ahead, one slot free."""
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027")
    slots = _slots(intake, user, count=4)
    booked = [_book(_shortlisted(StudentProfileFactory().user, intake), s) for s in slots[:3]]
    interview_assess(interview=_held(booked[0], hours_ago=26), by=user, score=3, notes="Fine.")
    _held(booked[1])
    return {}


def interview_to_assess(user):
    intake = IntakeFactory(program__title="ZIERIP", name="Summer 2027")
    [slot] = _slots(intake, user, count=1)
    interview = _held(_book(_shortlisted(StudentProfileFactory().user, intake), slot))
    return {"interview_id": interview.pk}
