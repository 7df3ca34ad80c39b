"""Every public page for search engines. The lead adds the programs app's sitemap here."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal.models import NewsArticle


class PortalPagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return [
            "home",
            "partnership:news_list",
            "partnership:overview",
            "partnership:timeline",
            "partnership:institute",
        ]

    def location(self, url_name):
        return reverse(url_name)


class NewsSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return NewsArticle.objects.published().latest_first()

    def lastmod(self, article):
        return article.updated_at


sitemaps = {"pages": PortalPagesSitemap, "news": NewsSitemap}
