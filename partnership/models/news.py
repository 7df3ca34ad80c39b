"""News articles: an ordered body of paragraphs and figures (photos with captions)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core import images

SOURCE_KEY_HELP = _("Set by the document import; a re-import never changes this row.")


def source_key_field():
    return models.CharField(
        _("source key"),
        max_length=200,
        blank=True,
        db_index=True,
        editable=False,
        help_text=SOURCE_KEY_HELP,
    )


class FigureQuerySet(models.QuerySet):
    def with_image(self):
        return self.exclude(image="")


class Figure(models.Model):
    """A photo with its caption; staff upload the image later, until then a placeholder shows."""

    caption = models.CharField(_("caption"), max_length=300)
    taken_in = models.DateField(
        _("month"),
        null=True,
        blank=True,
        help_text=_("Month the photo was taken; the day is always the 1st."),
    )
    image = models.ImageField(
        _("image"),
        upload_to="figures/full/",
        blank=True,
        help_text=_("Resized and stripped of EXIF metadata (such as location) on save."),
    )
    image_web = models.ImageField(upload_to="figures/web/", blank=True, editable=False)
    image_small = models.ImageField(upload_to="figures/small/", blank=True, editable=False)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the photo for screen readers; the caption is used when empty."),
    )
    source_key = source_key_field()

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["-taken_in", "caption", "pk"]

    def __str__(self):
        return Truncator(self.caption).chars(80)

    def save(self, *args, **kwargs):
        if images.image_needs_renditions(self.image):
            images.replace_with_renditions(
                self,
                "image",
                [
                    ("image", (images.FIGURE_MAX_SIZE, False)),
                    ("image_web", (images.FIGURE_WEB_SIZE, False)),
                    ("image_small", (images.FIGURE_SMALL_SIZE, False)),
                ],
            )
        elif not self.image:
            self.image_web = self.image_small = ""
        super().save(*args, **kwargs)

    def clean(self):
        if self.taken_in and self.taken_in.day != 1:
            raise ValidationError({"taken_in": _("Use the first day of the month.")})

    @property
    def alt(self):
        return self.alt_text or self.caption


class NewsArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def latest_first(self):
        return self.order_by("-published_on", "-pk")


class NewsArticle(models.Model):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    published_on = models.DateField(_("publication date"))
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Shown in lists, the feed and link previews.")
    )
    is_published = models.BooleanField(_("published"), default=True)
    source_key = source_key_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnership:news_detail", kwargs={"slug": self.slug})


class BlockKind(models.TextChoices):
    PARAGRAPH = "paragraph", _("Paragraph")
    FIGURE = "figure", _("Figure")


class ArticleBlock(models.Model):
    """One paragraph or one figure of an article body, in reading order."""

    article = models.ForeignKey(
        NewsArticle, verbose_name=_("article"), on_delete=models.CASCADE, related_name="blocks"
    )
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=BlockKind.choices)
    text = models.TextField(_("text"), blank=True)
    figure = models.ForeignKey(
        Figure,
        verbose_name=_("figure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="blocks",
    )
    source_key = source_key_field()

    class Meta:
        verbose_name = _("article block")
        verbose_name_plural = _("article blocks")
        ordering = ["article", "position", "pk"]
        constraints = [
            # The position is the block's fragment id (#p-3): two alike would clash on the page.
            models.UniqueConstraint(
                fields=["article", "position"], name="partnership_articleblock_unique_position"
            ),
        ]

    def __str__(self):
        if self.kind == BlockKind.FIGURE and self.figure_id:
            return str(self.figure)
        return Truncator(self.text).chars(80)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    def clean(self):
        if self.kind == BlockKind.PARAGRAPH and not self.text.strip():
            raise ValidationError({"text": _("A paragraph needs text.")})
        if self.kind == BlockKind.FIGURE and not self.figure_id:
            raise ValidationError({"figure": _("Choose the figure to show.")})

    @property
    def anchor(self):
        """The fragment id of this block on the article page, e.g. "p-3"."""
        return f"p-{self.position}"
