"""Reads for staff pages: the order seats are offered in, the waitlist."""

from django.db.models import F, QuerySet

from applications.models import Application
from applications.states import ApplicationState
from programs.models import Intake


def ranked(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """The order seats are offered in: best average score first, then the earlier
    submission; unscored applications last."""
    return queryset.order_by(F("average_score").desc(nulls_last=True), "submitted_at", "pk")


def waitlist(intake: Intake) -> QuerySet[Application]:
    """Waitlisted applications in the order seats are offered."""
    return ranked(Application.objects.filter(intake=intake, state=ApplicationState.WAITLISTED))
