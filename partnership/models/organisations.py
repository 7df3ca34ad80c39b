"""The universities, schools, companies and units named in the partnership."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from partnership.models.news import source_key_field


class OrganisationKind(models.TextChoices):
    UNIVERSITY = "university", _("University")
    SCHOOL = "school", _("School or faculty")
    COMPANY = "company", _("Company")
    COMPANY_UNIT = "company_unit", _("Company unit")
    PARTNER_UNIVERSITY = "partner_university", _("Partner university")
    JOINT_INSTITUTE = "joint_institute", _("Joint institute")
    GOVERNMENT = "government", _("Government body")


class Organisation(models.Model):
    """A university, school, company or unit named in the partnership."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    source_key = source_key_field()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name
