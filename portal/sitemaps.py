"""Every public page for search engines."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal.models import NewsArticle
from programs.sitemaps import ProgramSitemap


class PortalPagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return [
            "home",
            "partnership:news_list",
            "partnership:overview",
            "partnership:timeline",
            "partnership:institute",
            "programs:catalog",
            "programs:supervisors",
            "privacy",
        ]

    def location(self, url_name):
        return reverse(url_name)


class NewsSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return NewsArticle.objects.published().latest_first()

    def lastmod(self, article):
        return article.updated_at


sitemaps = {"pages": PortalPagesSitemap, "news": NewsSitemap, "programs": ProgramSitemap}
