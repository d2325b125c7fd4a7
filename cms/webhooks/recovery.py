"""Reconciliation: deliveries whose task died or was never enqueued are sent again, once.

django-tasks-db runs each task once. A worker killed during a delivery (kill -9, OOM, a deploy,
a lost database connection) leaves its task RUNNING for ever and the delivery pending or retrying
with nobody to send it; a process that dies between committing a delivery and enqueueing its task
(backends that enqueue after the commit) leaves a delivery without a task. reconcile() finds both:

1. deliver_webhook tasks RUNNING for longer than an attempt's lease (WEBHOOK_TIMEOUT_SECONDS +
   WEBHOOK_RECOVERY_MARGIN_SECONDS) are dead: they are marked FAILED ("worker lost");
2. a delivery that is pending or retrying, whose next attempt is due (for an attempt in
   progress, next_attempt_at is the end of its lease: delivery.py), and that has no live task (a
   READY one, whenever it is due, or a RUNNING one inside the lease) gets a new task.

Each delivery is re-enqueued under a row lock (SELECT … FOR UPDATE SKIP LOCKED) after checking
again, under the lock, that it still has no live task, and its task row is committed with that
transaction: two reconciliations running at once, or one run twice, enqueue it once. The attempt
then claims the delivery with a conditional UPDATE (delivery.py), so even a task enqueued twice
sends it once at a time.

`manage.py run_worker` runs reconcile() when it starts and every WEBHOOK_RECONCILE_INTERVAL_SECONDS;
`manage.py reconcile_webhooks` runs it once.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .delivery import (
    ATTEMPT_IN_PROGRESS,
    OPEN,
    attempt_lease,
    deliver_webhook,
    tasks_stored_with_the_data,
)
from .models import WebhookDelivery

logger = logging.getLogger(__name__)

WORKER_LOST = "cms.webhooks.recovery.WorkerLost"
WORKER_LOST_TRACEBACK = (
    "The worker running this task stopped before the task finished (killed, or its database "
    "connection was lost). The delivery is sent again by a new task (cms/webhooks/recovery.py)."
)
INTERRUPTED = "The last attempt was interrupted (the worker stopped); the delivery is sent again."


@dataclass
class Reconciliation:
    dead_tasks: int = 0  # deliver_webhook tasks marked FAILED as their worker died
    requeued: list[int] = field(default_factory=list)  # deliveries given a new task


def _delivery_pk(args_kwargs) -> int | None:
    try:
        args, kwargs = args_kwargs.get("args") or [], args_kwargs.get("kwargs") or {}
        return int(args[0] if args else kwargs["delivery_pk"])
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return None


def _task_rows():
    return DBTaskResult.objects.filter(task_path=deliver_webhook.module_path)


def fail_dead_tasks(now) -> int:
    """Mark deliver_webhook tasks RUNNING for longer than a lease as FAILED; how many."""
    return (
        _task_rows()
        .filter(status=TaskResultStatus.RUNNING, started_at__lt=now - attempt_lease())
        .update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=WORKER_LOST,
            traceback=WORKER_LOST_TRACEBACK,
        )
    )


def live_task_deliveries(now) -> set[int]:
    """Deliveries with a task that will still run or is running now."""
    live = _task_rows().filter(
        Q(status=TaskResultStatus.READY)
        | Q(status=TaskResultStatus.RUNNING, started_at__gte=now - attempt_lease())
    )
    return {pk for pk in map(_delivery_pk, live.values_list("args_kwargs", flat=True)) if pk}


def _due(now) -> Q:
    # A delivery never attempted has no next_attempt_at: its task exists from the commit on
    # (delivery.notify), so without one it counts as lost once it is a margin old.
    margin = dt.timedelta(seconds=settings.WEBHOOK_RECOVERY_MARGIN_SECONDS)
    return Q(next_attempt_at__lte=now) | Q(
        next_attempt_at__isnull=True, created_at__lte=now - margin
    )


def reconcile(now=None) -> Reconciliation:
    """Find deliveries nobody will send and enqueue each once (see the module docstring)."""
    now = now or timezone.now()
    result = Reconciliation()
    stored = tasks_stored_with_the_data()
    live: set[int] = set()
    if stored:
        result.dead_tasks = fail_dead_tasks(now)
        live = live_task_deliveries(now)
    candidates = (
        WebhookDelivery.objects.filter(status__in=OPEN)
        .filter(_due(now))
        .exclude(pk__in=live)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk in list(candidates):
        if _requeue(pk, now, stored):
            result.requeued.append(pk)
    if result.dead_tasks or result.requeued:
        logger.warning(
            "Webhook reconciliation: %d dead task(s) marked failed, deliveries re-enqueued: %s",
            result.dead_tasks,
            result.requeued or "none",
        )
    return result


def _requeue(pk: int, now, stored: bool) -> bool:
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status__in=OPEN)
            .filter(_due(now))
            .first()
        )
        if delivery is None:
            return False  # finished, claimed, or locked by another reconciliation meanwhile
        if stored and pk in live_task_deliveries(now):
            return False  # another reconciliation enqueued it and committed first
        if delivery.error == ATTEMPT_IN_PROGRESS:
            delivery.error = INTERRUPTED
            delivery.save(update_fields=["error"])
        if stored:
            deliver_webhook.enqueue(pk)  # committed with this transaction, under the row lock
        else:
            transaction.on_commit(lambda: deliver_webhook.enqueue(pk))
    return True
