"""Reconciliation: a delivery whose worker died, or that lost its task, is enqueued again once.

Tasks are stored with the database backend here (as in production), so the tests can see the
task rows; a worker's death is acted out on the rows (a claimed delivery and a RUNNING task whose
times are moved back). tests/webhooks/test_worker.py kills real worker processes.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.webhooks import delivery as delivery_module
from cms.webhooks.delivery import ATTEMPT_IN_PROGRESS, deliver_webhook, notify
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.webhooks.recovery import INTERRUPTED, WORKER_LOST, reconcile

PAYLOAD = {"type": "EventPage", "id": "1", "locale": "en", "path": "/en/x/", "translations": []}
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WEBHOOK_TIMEOUT_SECONDS = 10
    settings.WEBHOOK_RECOVERY_MARGIN_SECONDS = 60


@pytest.fixture
def delivery(receiver, db, database_tasks):
    WebhookEndpoint.objects.create(
        name="Receiver", url=receiver.url, secret="s", events=["page.published"]
    )
    [created] = notify(["page.published"], None, lambda: dict(PAYLOAD))
    return created


def tasks(delivery):
    return DBTaskResult.objects.filter(
        task_path=deliver_webhook.module_path, args_kwargs__args=[delivery.pk]
    ).order_by("enqueued_at")


def run_ready_tasks():
    """What a worker does with the READY tasks (without django-tasks-db's process around it)."""
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        row.claim("test-worker")
        row.set_successful(row.task.call(*row.args_kwargs["args"]))


def worker_dies_during_the_attempt(delivery, ago=HOUR):
    """The worker took the task and claimed the delivery, then died; `ago` is when."""
    [task] = tasks(delivery)
    task.claim("dead-worker")
    assert delivery_module._claim(delivery.pk) is not None
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=F("started_at") - ago)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        last_attempt_at=F("last_attempt_at") - ago, next_attempt_at=F("next_attempt_at") - ago
    )
    return task


def test_the_task_is_committed_with_the_delivery(delivery):
    [task] = tasks(delivery)
    assert task.status == "READY"


def test_a_delivery_whose_worker_died_is_sent_again_once(delivery, receiver):
    dead = worker_dies_during_the_attempt(delivery)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == (
        "pending",
        1,
        ATTEMPT_IN_PROGRESS,
    )

    first = reconcile()
    assert (first.dead_tasks, first.requeued) == (1, [delivery.pk])
    second = reconcile()  # nothing left to do: the new task is READY
    assert (second.dead_tasks, second.requeued) == (0, [])
    dead.refresh_from_db()
    assert (dead.status, dead.exception_class_path) == ("FAILED", WORKER_LOST)
    assert [t.status for t in tasks(delivery)] == ["FAILED", "READY"]
    delivery.refresh_from_db()
    assert delivery.error == INTERRUPTED

    run_ready_tasks()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code, delivery.error) == (
        "succeeded",
        2,
        200,
        "",
    )
    assert len(receiver.requests) == 1  # the dead attempt never reached this receiver
    assert reconcile().requeued == []


def test_an_attempt_inside_its_lease_is_left_alone(delivery, receiver):
    # Claimed 5 s ago: well inside the 70 s lease, its worker may be waiting for the receiver.
    worker_dies_during_the_attempt(delivery, ago=dt.timedelta(seconds=5))
    assert reconcile().requeued == []
    assert [t.status for t in tasks(delivery)] == ["RUNNING"]
    # And a stray task for it would not send it while the lease holds.
    assert deliver_webhook.call(delivery.pk) == "skipped"
    assert receiver.requests == []


def test_a_delivery_without_its_task_is_enqueued_once(delivery):
    tasks(delivery).delete()  # the process died between the commit and the enqueue
    assert reconcile().requeued == []  # not overdue yet: created a moment ago
    WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - HOUR)
    assert reconcile().requeued == [delivery.pk]
    assert reconcile().requeued == []
    assert [t.status for t in tasks(delivery)] == ["READY"]


def test_an_overdue_retry_with_its_task_waiting_is_not_enqueued_again(delivery):
    # The worker is behind: the retry's task is READY and overdue. It will run; nothing to add.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status="retrying", attempts=1, next_attempt_at=timezone.now() - HOUR
    )
    assert reconcile().requeued == []
    # Its task lost: enqueued once.
    tasks(delivery).delete()
    assert reconcile().requeued == [delivery.pk]
    assert reconcile().requeued == []


def test_finished_deliveries_are_never_enqueued_again(delivery):
    tasks(delivery).delete()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - HOUR)
    for status in ("succeeded", "failed"):
        WebhookDelivery.objects.filter(pk=delivery.pk).update(status=status)
        assert reconcile().requeued == []


def test_a_late_outcome_of_a_superseded_attempt_is_dropped(delivery):
    stale = delivery_module._claim(delivery.pk)
    # Its lease ran out and another attempt took over and succeeded.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    current = delivery_module._claim(delivery.pk)
    assert current.attempts == 2
    assert delivery_module._finish(current, "succeeded", 200, "") == "succeeded"
    assert delivery_module._finish(stale, "failed", 500, "The receiver answered 500.") == (
        "superseded"
    )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 2, 200)


def test_the_command(delivery):
    worker_dies_during_the_attempt(delivery)
    output = io.StringIO()
    call_command("reconcile_webhooks", stdout=output)
    assert output.getvalue().strip() == (
        f"1 dead delivery task(s) marked failed; 1 delivery(ies) re-enqueued: {delivery.pk}."
    )
    output = io.StringIO()
    call_command("reconcile_webhooks", stdout=output)
    assert output.getvalue().strip() == (
        "0 dead delivery task(s) marked failed; 0 delivery(ies) re-enqueued."
    )
