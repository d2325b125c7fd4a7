"""The task backend of `make run`: immediate, but a task due later waits on a timer thread.

django-tasks' ImmediateBackend runs every task inside the request that enqueues it and cannot
defer one. Code that must wait (a webhook retry after its backoff, a publication at its go-live
moment) then either sleeps in the editor's request or gives up. This backend runs due tasks at
once, like ImmediateBackend, and a task with `run_after` in the future on a daemon timer thread
of the same process, so the request returns at once and the task still runs on time while the
development server lives (a restart forgets pending timers; `manage.py reconcile_webhooks` and
`publish_scheduled` catch up, as in production). Production uses django-tasks-db and the worker;
the test suite keeps ImmediateBackend so that tasks finish inside the test.
"""

import logging
import threading

from django.db import connections
from django.utils import timezone
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

logger = logging.getLogger(__name__)


class DeferringImmediateBackend(ImmediateBackend):
    supports_defer = True

    def enqueue(self, task, args, kwargs):
        delay = seconds_until(task.run_after)
        if delay <= 0:
            return super().enqueue(task, args, kwargs)
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        timer = threading.Timer(delay, self._run_later, args=(result,))
        timer.daemon = True  # never keeps the development server from stopping
        timer.start()
        logger.info("Task %s deferred by %.1f s", task.module_path, delay)
        return result

    def _run_later(self, result: TaskResult) -> None:
        # A timer thread has its own database connection: close it when the task is done.
        try:
            self._execute_task(result)
        finally:
            connections.close_all()


def seconds_until(moment) -> float:
    if moment is None:
        return 0.0
    return (moment - timezone.now()).total_seconds()
