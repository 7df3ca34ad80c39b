"""The texts of the partnership content that visitors read, one column per language."""

from modeltranslation.translator import TranslationOptions, register

from partnership.models import (
    Agreement,
    AgreementPoint,
    ArticleBlock,
    Figure,
    KeyFigure,
    Milestone,
    NewsArticle,
    Organisation,
    Person,
    ResearchField,
)


@register(Figure)
class FigureTranslation(TranslationOptions):
    fields = ("caption", "alt_text")


@register(NewsArticle)
class NewsArticleTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(ArticleBlock)
class ArticleBlockTranslation(TranslationOptions):
    fields = ("text",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "role")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "place", "summary")


@register(AgreementPoint)
class AgreementPointTranslation(TranslationOptions):
    fields = ("text",)


@register(ResearchField)
class ResearchFieldTranslation(TranslationOptions):
    fields = ("name",)


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "text")
