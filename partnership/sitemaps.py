from django.contrib.sitemaps import Sitemap

from partnership.models import NewsArticle


class NewsSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return NewsArticle.objects.published().latest_first()

    def lastmod(self, article):
        return article.updated_at
