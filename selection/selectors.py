"""Reads for staff pages: the order seats are offered in, the waitlist, the staff search."""

from django.db.models import F, Q, QuerySet
from django.utils.text import smart_split, unescape_string_literal

from accounts.models import User
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


def search_terms(search_term: str) -> list[str]:
    """The words of a search, as the admin splits them: a quoted phrase is one word."""
    terms = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        if bit:
            terms.append(bit)
    return terms


def matching(queryset: QuerySet[Application], search_term: str) -> QuerySet[Application]:
    """Applications where every word appears (in any case) in the reference or in the
    applicant's email, names or university.

    The admin's own search ORs seven columns of three joined tables for each word: at 100,000
    applications on PostgreSQL, 0.35-0.55 s. The applicant's columns are kept in one,
    User.search_text, asked in a subquery that its trigram index answers (accounts 0004)."""
    for term in search_terms(search_term):
        people = User.objects.filter(search_text__icontains=term).values("pk")
        queryset = queryset.filter(Q(reference__icontains=term) | Q(applicant__in=people))
    return queryset
