"""Create (or repair) the demo staff account that `make run` prints."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or update the demo staff superuser from DEMO_STAFF_EMAIL/DEMO_STAFF_PASSWORD."

    def handle(self, *args, **options):
        email = settings.DEMO_STAFF_EMAIL
        password = settings.DEMO_STAFF_PASSWORD
        if not password:
            raise CommandError(
                "DEMO_STAFF_PASSWORD is not set. Run `make .env` to generate one, or export it."
            )
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_superuser(
                email=email, password=password, first_name="Demo", last_name="Staff"
            )
            action = "Created"
        else:
            changed = []
            if not (user.is_staff and user.is_superuser and user.is_active):
                user.is_staff = user.is_superuser = user.is_active = True
                changed += ["is_staff", "is_superuser", "is_active"]
            if not user.check_password(password):
                user.set_password(password)
                changed.append("password")
            if changed:
                user.save(update_fields=changed)
            action = "Updated" if changed else "Kept"
        self.stdout.write(f"{action} demo staff login: {user.email} / {password}")
