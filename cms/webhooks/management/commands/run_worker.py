"""manage.py run_worker: the background worker that keeps going when its database goes away.

It runs django-tasks-db's own Worker (the code of `manage.py db_worker`) in this process, in
short cycles, and around it:

- the webhook reconciliation (cms/webhooks/recovery.py) when it starts and every
  WEBHOOK_RECONCILE_INTERVAL_SECONDS, so deliveries whose worker died are sent again;
- on a database error (the server restarted, the connection was terminated or timed out, a
  failover), where `db_worker` exits and stays down: it logs the error, closes its connections,
  waits (WORKER_RESTART_DELAY_SECONDS, doubling up to WORKER_RESTART_MAX_DELAY_SECONDS while
  the database stays unreachable) and starts again; a task that was running when the connection
  was lost is marked FAILED (its delivery, if it was one, is sent again by the reconciliation).

SIGTERM or SIGINT: the task in progress finishes, then the worker stops; a second signal stops
it at once. Run it under a service manager that restarts it if it exits all the same
(docs/deployment.md).
"""

import logging
import signal
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import Error as DatabaseError
from django.db import connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import (
    DEFAULT_TASK_BACKEND_ALIAS,
    InvalidTaskBackend,
    TaskResultStatus,
    task_backends,
)
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from cms.webhooks.recovery import reconcile

logger = logging.getLogger("cms.webhooks.worker")

# Tasks run in one cycle before the supervisor looks at the time (reconciliation) again.
TASKS_PER_CYCLE = 20
CONNECTION_LOST = "cms.webhooks.worker.DatabaseConnectionLost"
CONNECTION_LOST_TRACEBACK = (
    "The worker lost its database connection while running this task; it could not record the "
    "outcome. The worker reconnected and went on with other tasks (manage.py run_worker)."
)


class SupervisedWorker(Worker):
    """django-tasks-db's worker, in batch mode, noting the task it is running."""

    current = None  # the DBTaskResult in progress; left set when running it raised
    ran = 0

    def run_task(self, db_task_result):
        self.current = db_task_result
        super().run_task(db_task_result)
        self.current = None
        self.ran += 1


class Command(BaseCommand):
    help = (
        "Run the database task worker (django-tasks-db) supervised: reconcile webhook "
        "deliveries at start and periodically, and start again after database errors."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-name",
            default="default",
            help="Queues to process, comma-separated; '*' for all (default: %(default)s).",
        )
        parser.add_argument(
            "--backend",
            default=DEFAULT_TASK_BACKEND_ALIAS,
            dest="backend_name",
            help="The task backend to work for (default: %(default)s).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait before looking for tasks again when there were none "
            "(default: %(default)s).",
        )
        parser.add_argument(
            "--worker-id", default=None, help="Unique id of this worker (default: random)."
        )

    def handle(self, *, queue_name, backend_name, interval, worker_id, verbosity, **options):
        try:
            backend = task_backends[backend_name]
        except InvalidTaskBackend as error:
            raise CommandError(str(error)) from error
        if not isinstance(backend, DatabaseBackend):
            raise CommandError(
                f"Task backend {backend_name!r} is not django_tasks_db.DatabaseBackend: "
                "nothing to run (tasks run where they are enqueued)."
            )
        self.configure_logging(verbosity)
        self.queue_names = queue_name.split(",")
        self.backend_name = backend_name
        self.interval = interval
        self.worker_id = worker_id or get_random_string(32)
        self.worker = None
        self.stopping = False
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self.on_signal)
        logger.info("Worker %s starting (queues %s)", self.worker_id, ",".join(self.queue_names))
        self.supervise()
        logger.info("Worker %s stopped", self.worker_id)

    def configure_logging(self, verbosity: int) -> None:
        if verbosity == 0:
            logger.setLevel(logging.WARNING)
        else:
            logger.setLevel(logging.INFO if verbosity < 3 else logging.DEBUG)
        # django-tasks-db says "Starting worker" at every cycle: only from verbosity 2 on.
        logging.getLogger("django_tasks_db").setLevel(
            logging.WARNING if verbosity < 2 else logging.DEBUG
        )
        if verbosity >= 2:
            logging.getLogger("django_tasks").setLevel(logging.INFO)

    def on_signal(self, signum, frame):
        if self.stopping:
            logger.warning("Second %s: stopping now", signal.strsignal(signum))
            sys.exit(1)
        self.stopping = True
        worker = self.worker
        if worker is not None and worker.running_task:
            name = signal.strsignal(signum)
            logger.warning("%s: finishing the current task, then stopping", name)
            worker.running = False
        else:
            sys.exit(0)

    def supervise(self) -> None:
        first_delay = settings.WORKER_RESTART_DELAY_SECONDS
        delay = first_delay
        next_reconcile = 0.0
        interrupted = None
        while not self.stopping:
            try:
                if interrupted is not None:
                    self.fail_interrupted(interrupted)
                    interrupted = None
                if time.monotonic() >= next_reconcile:
                    self.reconcile()
                    next_reconcile = time.monotonic() + settings.WEBHOOK_RECONCILE_INTERVAL_SECONDS
                ran = self.run_cycle()
                delay = first_delay  # the database answered: the next failure waits briefly
                if not ran and not self.stopping:
                    time.sleep(self.interval)
            except DatabaseError as error:
                if self.worker is not None and self.worker.current is not None:
                    interrupted = self.worker.current
                self.worker = None
                logger.warning(
                    "Database error in the worker: %s: %s; closing the connections and "
                    "starting again in %g s",
                    type(error).__name__,
                    str(error).strip(),
                    delay,
                )
                self.close_connections()
                time.sleep(delay)
                delay = min(delay * 2, settings.WORKER_RESTART_MAX_DELAY_SECONDS)

    def run_cycle(self) -> int:
        """django-tasks-db's Worker until no task is ready or TASKS_PER_CYCLE ran; how many ran."""
        worker = SupervisedWorker(
            queue_names=self.queue_names,
            interval=self.interval,
            batch=True,
            backend_name=self.backend_name,
            startup_delay=False,
            max_tasks=TASKS_PER_CYCLE,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )
        self.worker = worker
        worker.run()
        self.worker = None
        if not worker.running:
            self.stopping = True  # a signal came during a task
        return worker.ran

    def reconcile(self) -> None:
        try:
            result = reconcile()
        except DatabaseError:
            raise
        except Exception:
            logger.exception("Webhook reconciliation failed; the worker goes on")
            return
        logger.debug(
            "Reconciliation: %d dead task(s), %d delivery(ies) re-enqueued",
            result.dead_tasks,
            len(result.requeued),
        )

    def fail_interrupted(self, db_task_result) -> None:
        marked = DBTaskResult.objects.filter(
            pk=db_task_result.pk, status=TaskResultStatus.RUNNING
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            return_value=None,
            exception_class_path=CONNECTION_LOST,
            traceback=CONNECTION_LOST_TRACEBACK,
        )
        if marked:
            logger.warning(
                "Task %s (%s) was interrupted by the lost connection: marked failed",
                db_task_result.pk,
                db_task_result.task_path,
            )

    def close_connections(self) -> None:
        """Drop every connection, so the next query connects afresh with a clean state."""
        for connection in connections.all(initialized_only=True):
            try:
                connection.close()
            except Exception:  # a broken connection may fail to close; it is dropped anyway
                logger.debug("Closing %s failed", connection.alias, exc_info=True)
            if connection.connection is not None:
                # Closed inside a transaction, Django keeps the dead connection until the
                # outermost atomic block exits; there is none left here: let it go.
                try:
                    connection.connection.close()
                except Exception:
                    pass
                connection.connection = None
