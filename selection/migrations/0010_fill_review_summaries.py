"""Store the review summary of every application reviewed before it was kept on the row."""

from django.db import migrations
from django.db.models import Avg, Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def fill_review_summaries(apps, schema_editor):
    # The same UPDATE as selection.services.review_summaries_refresh, on the historical models.
    Application = apps.get_model("applications", "Application")
    Review = apps.get_model("selection", "Review")
    ReviewScore = apps.get_model("selection", "ReviewScore")
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
    Application.objects.filter(pk__in=Review.objects.values("application")).update(
        review_count=Coalesce(Subquery(reviews, output_field=IntegerField()), Value(0)),
        average_score=Subquery(scores),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0007_application_review_summary"),
        ("selection", "0009_export_jobs"),
    ]

    operations = [
        migrations.RunPython(fill_review_summaries, migrations.RunPython.noop, elidable=True),
    ]
