"""Every public page for search engines: the fixed pages here, content pages from their apps."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from partnership.sitemaps import NewsSitemap
from programs.sitemaps import ProgramSitemap


class PortalPagesSitemap(Sitemap):
    # One entry per language, each listing the others as alternates (x-default: English).
    i18n = True
    alternates = True
    x_default = True
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


sitemaps = {"pages": PortalPagesSitemap, "news": NewsSitemap, "programs": ProgramSitemap}
