from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from partnership.models import (
    Agreement,
    AgreementPoint,
    ArticleBlock,
    CeremonyParticipant,
    Figure,
    KeyFigure,
    Milestone,
    NewsArticle,
    Organisation,
    Person,
    ResearchField,
)


class HasImageFilter(admin.SimpleListFilter):
    title = _("photo")
    parameter_name = "has_image"

    def lookups(self, request, model_admin):
        return [("yes", _("Uploaded")), ("no", _("Placeholder shown"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.with_image()
        if self.value() == "no":
            return queryset.filter(image="")
        return queryset


@admin.register(Figure)
class FigureAdmin(TranslationAdmin):
    list_display = ["caption", "taken_in", "has_image", "preview"]
    list_filter = [HasImageFilter, "taken_in"]
    search_fields = ["caption", "alt_text"]
    readonly_fields = ["preview", "source_key"]
    fields = ["caption", "taken_in", "image", "preview", "alt_text", "source_key"]

    @admin.display(boolean=True, description=_("photo"))
    def has_image(self, figure):
        return bool(figure.image)

    @admin.display(description=_("web size"))
    def preview(self, figure):
        if not figure.image_small:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" width="160">', figure.image_small.url, figure.alt
        )


class ArticleBlockInline(TranslationStackedInline):
    model = ArticleBlock
    extra = 0
    fields = ["position", "kind", "text", "figure"]
    autocomplete_fields = ["figure"]


@admin.register(NewsArticle)
class NewsArticleAdmin(TranslationAdmin):
    list_display = ["title", "published_on", "is_published"]
    list_filter = ["is_published", "published_on"]
    search_fields = ["title", "summary", "blocks__text"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_on"
    readonly_fields = ["source_key", "created_at", "updated_at"]
    inlines = [ArticleBlockInline]


class UnitInline(TranslationTabularInline):
    model = Organisation
    fk_name = "parent"
    fields = ["name", "short_name", "slug", "kind"]
    extra = 0
    verbose_name_plural = _("units")


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "short_name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["source_key"]
    inlines = [UnitInline]


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["name", "role", "organisation", "position"]
    list_filter = ["organisation"]
    search_fields = ["name", "role"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["source_key"]


class AgreementPointInline(TranslationTabularInline):
    model = AgreementPoint
    fields = ["kind", "text", "position"]
    extra = 0


class CeremonyParticipantInline(admin.TabularInline):
    model = CeremonyParticipant
    fields = ["person", "part", "position"]
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(TranslationAdmin):
    list_display = ["title", "signed_on", "place"]
    list_filter = ["signed_on"]
    search_fields = ["title", "summary", "place"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["source_key"]
    inlines = [AgreementPointInline, CeremonyParticipantInline]


@admin.register(ResearchField)
class ResearchFieldAdmin(TranslationAdmin):
    list_display = ["name", "kind", "position"]
    list_filter = ["kind"]
    list_editable = ["position"]
    search_fields = ["name"]
    readonly_fields = ["source_key"]


@admin.register(KeyFigure)
class KeyFigureAdmin(TranslationAdmin):
    list_display = ["value", "label", "position"]
    list_editable = ["position"]
    search_fields = ["value", "label"]
    readonly_fields = ["source_key"]


@admin.register(Milestone)
class MilestoneAdmin(TranslationAdmin):
    list_display = ["title", "happened_on", "day_known", "is_planned"]
    list_filter = ["is_planned", "day_known", "organisations"]
    search_fields = ["title", "text"]
    date_hierarchy = "happened_on"
    autocomplete_fields = ["source_block"]
    filter_horizontal = ["organisations"]
    readonly_fields = ["source_key"]


@admin.register(ArticleBlock)
class ArticleBlockAdmin(TranslationAdmin):
    """Mostly edited inline on the article; listed so milestones can search for paragraphs."""

    list_display = ["__str__", "article", "position", "kind"]
    list_filter = ["kind"]
    search_fields = ["text", "figure__caption"]
    list_select_related = ["article", "figure"]
    autocomplete_fields = ["figure"]
    readonly_fields = ["source_key"]
