from django.contrib.sitemaps import Sitemap

from programs.models import Program


class ProgramSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Program.objects.published().order_by("pk")

    def lastmod(self, program):
        return program.updated_at
