"""Reads for staff pages: the order seats are offered in, the waitlist, the staff search."""

from django.db.models import F, Q, QuerySet
from django.utils.text import smart_split, unescape_string_literal

from accounts.models import StudentProfile, User
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


# What the staff search looks in, table by table (each column has a trigram index on
# PostgreSQL: applications 0008, accounts 0004).
APPLICATION_SEARCH_FIELDS = ["reference"]
USER_SEARCH_FIELDS = ["email", "first_name", "last_name"]
PROFILE_SEARCH_FIELDS = ["given_name", "family_name", "name_chinese", "university"]


def search_terms(search_term: str) -> list[str]:
    """The words of a search, as the admin splits them: a quoted phrase is one word."""
    terms = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        if bit:
            terms.append(bit)
    return terms


def _contains(fields: list[str], term: str) -> Q:
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": term})
    return condition


def matching(queryset: QuerySet[Application], search_term: str) -> QuerySet[Application]:
    """Applications where every word appears in the reference, the applicant's email or
    names, or their profile's names or university (case-insensitive).

    The admin's own search ORs the columns of three joined tables, which no index can answer:
    a scan of every application (0.35-0.45 s at 100,000 on PostgreSQL). Here each table is
    asked on its own, in a subquery its trigram indexes answer; each word narrows the result."""
    for term in search_terms(search_term):
        references = Application.objects.filter(_contains(APPLICATION_SEARCH_FIELDS, term))
        users = User.objects.filter(_contains(USER_SEARCH_FIELDS, term))
        profiles = StudentProfile.objects.filter(_contains(PROFILE_SEARCH_FIELDS, term))
        queryset = queryset.filter(
            Q(pk__in=references.values("pk"))
            | Q(applicant__in=users.values("pk"))
            | Q(applicant__in=profiles.values("user"))
        )
    return queryset
