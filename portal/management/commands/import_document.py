"""Build the partnership pages' content from the source document (safe to run again)."""

from django.core.management.base import BaseCommand, CommandError

from portal.document import DocumentError
from portal.services import document_import


class Command(BaseCommand):
    help = (
        "Import the partnership document: news article, figures, milestones, organisations, "
        "people, agreements, fields, key figures and programs. Only missing rows are created, "
        "so staff edits survive a re-import; a bad file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Path to the text document, e.g. content/….txt")

    def handle(self, *args, path, **options):
        try:
            report = document_import(path=path)
        except DocumentError as error:
            raise CommandError(f"{path}: {error} Nothing was imported.") from error
        summary = ", ".join(f"{n} {label}" for label, n in report.created.items() if n)
        self.stdout.write(
            f"Imported {path}: created {summary}."
            if report.total
            else f"Imported {path}: everything was already there, nothing changed."
        )
