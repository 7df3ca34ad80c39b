"""Every staff edit of a program, an intake, a supervisor, a decision email or a review
criterion is kept, with who made it, and shown on the object's history page in admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.models import EmailTemplate
from tests.factories import IntakeFactory, ProgramFactory, SupervisorFactory
from tests.programs.factories import intake_admin_form
from tests.selection.factories import CriterionFactory, make_manager

pytestmark = pytest.mark.django_db


def test_an_intake_edited_in_admin_keeps_the_old_value_and_who_changed_it(client):
    intake = IntakeFactory(capacity=60)
    manager = make_manager(first_name="Mei", last_name="Lin")
    client.force_login(manager)

    response = client.post(
        reverse("admin:programs_intake_change", args=[intake.pk]),
        intake_admin_form(intake, capacity=1),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    latest, first = intake.history.all()[:2]
    assert (first.capacity, latest.capacity) == (60, 1)
    assert latest.history_user == manager
    page = client.get(reverse("admin:programs_intake_history", args=[intake.pk])).text
    assert "Mei Lin" in page or manager.email in page


@pytest.mark.parametrize(
    ("make", "change", "admin_name"),
    [
        (ProgramFactory, {"title": "ZIERIP 2028"}, "programs_program"),
        (
            lambda: IntakeFactory(),
            {"closes_at": timezone.now() + timedelta(days=3)},
            "programs_intake",
        ),
        (SupervisorFactory, {"title": "Principal engineer"}, "programs_supervisor"),
        (
            lambda: EmailTemplate.objects.get(state="offered", language="en"),
            {"subject": "Your place in {program}"},
            "applications_emailtemplate",
        ),
        (lambda: CriterionFactory(), {"name": "Research potential"}, "selection_reviewcriterion"),
    ],
    ids=["program", "intake", "supervisor", "decision email", "review criterion"],
)
def test_each_edit_is_a_history_entry_on_the_history_page(client, make, change, admin_name):
    row = make()
    before = row.history.count()
    for field, value in change.items():
        setattr(row, field, value)
    row.save()

    assert row.history.count() == before + 1
    client.force_login(make_manager())
    page = client.get(reverse(f"admin:{admin_name}_history", args=[row.pk]))
    assert page.status_code == 200
    assert page.context["page_obj"].paginator.count == before + 1
