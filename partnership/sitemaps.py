from django.contrib.sitemaps import Sitemap

from partnership.models import NewsArticle


class NewsSitemap(Sitemap):
    # One entry per language, each listing the others as alternates (x-default: English).
    i18n = True
    alternates = True
    x_default = True
    changefreq = "yearly"

    def items(self):
        return NewsArticle.objects.published().latest_first()

    def lastmod(self, article):
        return article.updated_at
