"""Everything `make run` loads into a fresh database, in order; safe to run again."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

PARTNERSHIP_DOCUMENT = settings.BASE_DIR / "content" / "zju-alibaba-cooperation-2020.txt"


class Command(BaseCommand):
    help = "Load the portal's demo content and print the demo staff login (idempotent)."

    def handle(self, *args, **options):
        call_command("import_document", str(PARTNERSHIP_DOCUMENT), stdout=self.stdout)
        call_command("seed_demo", stdout=self.stdout)
        call_command("ensure_demo_staff", stdout=self.stdout)
