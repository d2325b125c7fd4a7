"""`make run`'s task backend (cms/tasks.py): a webhook retry waits on a timer, not in the request.

With django-tasks' ImmediateBackend a failing receiver kept the editor's publish request asleep
through every backoff (about 7 minutes with the defaults). The development backend answers the
request after the first attempt and makes the retry later on a timer thread.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

from cms.webhooks.delivery import deliver_webhook
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from tests.factories import EventPageFactory

DEV_TASKS = {"default": {"BACKEND": "cms.tasks.DeferringImmediateBackend"}}
RAN = []
RAN_EVENT = threading.Event()


@task()
def remember(value: str) -> str:
    RAN.append(value)
    RAN_EVENT.set()
    return value


@pytest.fixture
def dev_tasks(settings):
    settings.TASKS = DEV_TASKS
    RAN.clear()
    RAN_EVENT.clear()


def test_a_due_task_runs_at_once(dev_tasks):
    result = remember.enqueue("now")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "now"
    assert RAN == ["now"]


def test_a_task_due_later_returns_at_once_and_runs_on_time(dev_tasks):
    result = remember.using(run_after=timezone.now() + timedelta(seconds=0.5)).enqueue("later")
    assert result.status == TaskResultStatus.READY
    assert RAN == []
    assert RAN_EVENT.wait(10)
    assert RAN == ["later"]


@pytest.mark.django_db(transaction=True)
def test_a_failing_webhook_is_retried_after_the_request_not_during_it(
    keep_demo_site, dev_tasks, settings, receiver
):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 1.0
    WebhookEndpoint.objects.create(
        name="Dev frontend",
        url=receiver.url,
        secret="s",
        events=[event.value for event in WebhookEvent],
    )
    receiver.statuses = [500, 200]

    started = time.monotonic()
    EventPageFactory(title="Dev hook event", slug="dev-hook-event")  # publishes; commits
    returned_after = time.monotonic() - started

    delivery = WebhookDelivery.objects.get(event="page.published")
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("retrying", 1, 500)
    assert len(receiver.requests) == 1
    assert returned_after < settings.WEBHOOK_RETRY_BASE_SECONDS  # never slept the backoff

    for _ in range(100):  # the timer's retry, about a second later
        delivery.refresh_from_db()
        if delivery.status != "retrying":
            break
        time.sleep(0.1)
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 2, 200)
    assert len(receiver.requests) == 2
    assert deliver_webhook.get_backend().supports_defer
