"""Email each translator the source changes of their locale since their last digest (daily)."""

from django.core.management.base import BaseCommand

from cms.translation.digest import send_digests


class Command(BaseCommand):
    help = (
        "Email each translator the pages and snippets whose source changed since their last "
        "digest (run daily from cron; docs/deployment.md)."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Sent {sent} translation digest(s).")
