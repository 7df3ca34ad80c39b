from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from partnership.models import NewsArticle

FEED_LENGTH = 20


class LatestNewsFeed(Feed):
    feed_type = Atom1Feed
    # The entries are in the language content is written in, whatever the page language.
    language = settings.CONTENT_LANGUAGE
    title = _("ZJU–Alibaba Joint Training: news")
    subtitle = _("News of the partnership of Zhejiang University and Alibaba Group.")
    link = reverse_lazy("partnership:news_list")

    def items(self):
        return NewsArticle.objects.published().latest_first()[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return timezone.make_aware(datetime.combine(article.published_on, time.min))

    def item_updateddate(self, article):
        return article.updated_at
