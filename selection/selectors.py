"""Reads for staff pages: review summaries, waitlist order, intake statistics."""

from django.db.models import (
    Avg,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from applications.models import Application
from applications.states import ApplicationState
from programs.models import Intake
from selection.models import Review, ReviewScore


def with_review_summary(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Annotate `review_count` and `average_score` (mean of all criterion scores, or None).

    Subqueries rather than joins, so the list query needs no GROUP BY and stays one query.
    """
    reviews = (
        Review.objects.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(count=Count("pk"))
        .values("count")
    )
    scores = (
        ReviewScore.objects.filter(review__application=OuterRef("pk"))
        .order_by()
        .values("review__application")
        .annotate(average=Avg("score"))
        .values("average")
    )
    return queryset.annotate(
        review_count=Coalesce(Subquery(reviews, output_field=IntegerField()), Value(0)),
        average_score=Subquery(scores, output_field=FloatField()),
    )


def ranked(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """The order seats are offered in: best average score first, then the earlier
    submission; unscored applications last. `queryset` has `with_review_summary`."""
    return queryset.order_by(F("average_score").desc(nulls_last=True), "submitted_at", "pk")


def waitlist(intake: Intake) -> QuerySet[Application]:
    """Waitlisted applications in the order seats are offered."""
    return ranked(
        with_review_summary(
            Application.objects.filter(intake=intake, state=ApplicationState.WAITLISTED)
        )
    )
