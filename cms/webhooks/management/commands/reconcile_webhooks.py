"""manage.py reconcile_webhooks: send again the deliveries whose task died or was never enqueued.

`manage.py run_worker` does this by itself when it starts and every
WEBHOOK_RECONCILE_INTERVAL_SECONDS; this command is for a worker run without it (plain
`db_worker`) or by hand. See cms/webhooks/recovery.py.
"""

from django.core.management.base import BaseCommand

from cms.webhooks.recovery import reconcile


class Command(BaseCommand):
    help = (
        "Re-enqueue webhook deliveries whose worker died mid-attempt or that have no task; "
        "mark their dead tasks failed. Safe to run at any time, also while workers run."
    )

    def handle(self, *args, **options):
        result = reconcile()
        self.stdout.write(
            f"{result.dead_tasks} dead delivery task(s) marked failed; "
            f"{len(result.requeued)} delivery(ies) re-enqueued"
            + (f": {', '.join(map(str, result.requeued))}" if result.requeued else "")
            + "."
        )
