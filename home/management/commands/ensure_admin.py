import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "changeme"


class Command(BaseCommand):
    help = (
        "Create the admin user if it does not exist. Credentials come from "
        "DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_PASSWORD and DJANGO_SUPERUSER_EMAIL; "
        "without them, a local development server gets admin / changeme."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME") or DEFAULT_USERNAME
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL") or "admin@example.com"
        if password is None:
            if not settings.DEBUG:
                raise CommandError(
                    "Set DJANGO_SUPERUSER_PASSWORD: the default password is for local runs only."
                )
            password = DEFAULT_PASSWORD

        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created admin user — username: {username}  password: {password}"
                )
            )
        elif "DJANGO_SUPERUSER_PASSWORD" in os.environ:
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Admin user {username!r} exists; password set from the environment.")
        else:
            self.stdout.write(
                f"Admin user {username!r} exists; its password is unchanged "
                f"(the default was {DEFAULT_PASSWORD!r})."
            )
