from django.db import migrations

from core.translated_fields import copy_into_language_columns


class Migration(migrations.Migration):
    dependencies = [("partnership", "0004_add_translated_fields")]

    operations = [
        copy_into_language_columns(
            {
                "partnership.Figure": ["caption", "alt_text"],
                "partnership.NewsArticle": ["title", "summary"],
                "partnership.ArticleBlock": ["text"],
                "partnership.Organisation": ["name", "short_name", "description"],
                "partnership.Person": ["name", "role"],
                "partnership.Agreement": ["title", "place", "summary"],
                "partnership.AgreementPoint": ["text"],
                "partnership.ResearchField": ["name"],
                "partnership.KeyFigure": ["label"],
                "partnership.Milestone": ["title", "text"],
            }
        )
    ]
