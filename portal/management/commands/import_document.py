"""Build the partnership pages' content from the source document (safe to run again)."""

from django.core.management.base import BaseCommand, CommandError

from portal.document import DocumentError
from portal.importer import document_import


class Command(BaseCommand):
    help = (
        "Import the partnership document: news article, figures, milestones, organisations, "
        "people, agreements, fields, key figures and programs. Only missing rows are created, "
        "so staff edits survive a re-import, deletions too (rows staff deleted in admin stay "
        "deleted unless --restore-deleted); a bad file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            help="Path to the English text document, e.g. content/….txt; its Chinese version "
            "beside it (content/….zh-hans.txt), if there is one, is imported with it.",
        )
        parser.add_argument(
            "--restore-deleted",
            action="store_true",
            help="Also recreate the imported rows that staff deleted in admin.",
        )

    def handle(self, *args, path, restore_deleted, **options):
        try:
            report = document_import(path=path, restore_deleted=restore_deleted)
        except DocumentError as error:
            raise CommandError(f"{path}: {error} Nothing was imported.") from error
        changes = []
        if report.total:
            created = ", ".join(f"{n} {label}" for label, n in report.created.items() if n)
            changes.append(f"created {created}")
        if report.total_translated:
            kinds = ", ".join(f"{n} {label}" for label, n in report.translated.items())
            changes.append(f"added the Chinese texts of {kinds}")
        if changes:
            outcome = "; ".join(changes)
        elif report.total_kept_deleted:
            outcome = "nothing changed"
        else:
            outcome = "everything was already there, nothing changed"
        if kept := report.total_kept_deleted:
            kinds = ", ".join(f"{n} {label}" for label, n in report.kept_deleted.items())
            outcome += (
                f"; kept {kept} row{'' if kept == 1 else 's'} staff deleted ({kinds}; "
                "use --restore-deleted to bring them back)"
            )
        self.stdout.write(f"Imported {path}: {outcome}.")
