from django.contrib.sitemaps import Sitemap

from programs.models import Program


class ProgramSitemap(Sitemap):
    # One entry per language, each listing the others as alternates (x-default: English).
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Program.objects.published().order_by("pk")

    def lastmod(self, program):
        return program.updated_at
