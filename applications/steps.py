"""The steps of the application form, and which of them still need work."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from applications import services
from applications.referees.services import referee_problems


@dataclass(frozen=True)
class Step:
    name: str
    title: str
    url_name: str


PROFILE = Step("profile", _("Your profile"), "applications:step_profile")
STATEMENT = Step("statement", _("Motivation"), "applications:step_statement")
DOCUMENTS = Step("documents", _("Documents"), "applications:step_documents")
REFEREES = Step("referees", _("Referees"), "applications:step_referees")
SUPERVISORS = Step("supervisors", _("Supervisors"), "applications:step_supervisors")
REVIEW = Step("review", _("Review and submit"), "applications:review")


def steps_for(application):
    """The referee step exists for intakes that ask for letters, the supervisor step only for
    the PhD program."""
    steps = [PROFILE, STATEMENT, DOCUMENTS]
    if application.intake.referees_required:
        steps.append(REFEREES)
    if application.needs_supervisors:
        steps.append(SUPERVISORS)
    return [*steps, REVIEW]


def step_problems(application, step):
    if step == PROFILE:
        return services.profile_problems(application.applicant)
    if step == STATEMENT:
        return services.statement_problems(application) + services.question_problems(application)
    if step == DOCUMENTS:
        return services.document_problems(application)
    if step == REFEREES:
        return referee_problems(application)
    if step == SUPERVISORS:
        return services.supervisor_problems(application)
    return []


def first_incomplete_step(application):
    """Where a student coming back picks up: the first step with something missing."""
    for step in steps_for(application):
        if step_problems(application, step):
            return step
    return REVIEW


def next_step(application, step):
    steps = steps_for(application)
    return steps[min(steps.index(step) + 1, len(steps) - 1)]


def previous_step(application, step):
    steps = steps_for(application)
    index = steps.index(step)
    return steps[index - 1] if index else None


def step_url(application, step):
    return reverse(step.url_name, kwargs={"pk": application.pk})


def progress(application, current):
    """What the progress indicator shows: each step, what it still lacks, done or not, and
    the current one."""
    items = []
    for number, step in enumerate(steps_for(application), start=1):
        problems = step_problems(application, step)
        items.append(
            {
                "step": step,
                "url": step_url(application, step),
                "problems": problems,
                "done": step != REVIEW and not problems,
                "current": step == current,
                "number": number,
            }
        )
    return items
