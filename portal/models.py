"""What the document import has created, so a re-import can tell a staff deletion from a new row."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One source key the import has created (or found) a row for.

    A key that is recorded but whose row is gone was deleted by staff, and a re-import keeps
    it deleted. Programs, which have no `source_key` column, are recorded as `program:<slug>`.
    """

    # Longer than the content models' source_key (200): a program's key adds "program:" to a
    # slug of up to 200 characters.
    source_key = models.CharField(_("source key"), max_length=255, unique=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("import record")
        verbose_name_plural = _("import records")
        ordering = ["source_key"]

    def __str__(self):
        return self.source_key
