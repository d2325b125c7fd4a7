"""Publish webhooks: tell frontends at once when content is published, moved or removed.

Editors manage endpoints in the admin (Webhooks → Webhook endpoints): a URL, a secret, the events
and the locales it wants. When a page or snippet is published, unpublished, moved or deleted,
each matching endpoint gets a delivery: a JSON POST, signed with HMAC-SHA256 over the raw body
with the endpoint's secret, sent in the background by django-tasks after the transaction commits.
A failed delivery (an answer other than 2xx, a timeout, a refused connection) is retried with
exponential backoff; every delivery is logged (Webhooks → Webhook deliveries).

Headers of a delivery:
    Content-Type: application/json
    X-Webhook-Event: page.published
    X-Webhook-Delivery: <the delivery's UUID, the same on every retry>
    X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body with the endpoint's secret>

The body and signature: cms/webhooks/signing.py.
A draft save sends nothing: only what changes what the public sees does.
"""

import datetime as dt
import logging
import time
import urllib.error
import urllib.request
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from cms.paths import public_path
from cms.visibility import PublicScope, visible

from .models import WebhookDelivery, WebhookEndpoint
from .signing import sign

logger = logging.getLogger(__name__)

USER_AGENT = "cz-ua-digital-innovation-cms-webhooks/1"


# --- what a delivery says ----------------------------------------------------------------------


def page_payload(page: Page, *, path: str | None = None) -> dict:
    """type, id, locale, path and the public paths of the page's other translations."""
    translations = (
        visible(Page, PublicScope.of_site(None))
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return {
        # specific_class comes from the content type, so it works for a deleted page too.
        "type": (page.specific_class or type(page)).__name__,
        "id": str(page.pk),
        "locale": page.locale.language_code,
        "path": path or public_path(page),
        "translations": [
            {"id": str(other.pk), "locale": other.locale.language_code, "path": public_path(other)}
            for other in translations
        ],
    }


def snippet_payload(snippet) -> dict:
    model = type(snippet)
    others = (
        visible(model, PublicScope.of_site(None))
        .filter(translation_key=snippet.translation_key)
        .exclude(pk=snippet.pk)
    )
    return {
        "type": model.__name__,
        "id": str(snippet.pk),
        "locale": snippet.locale.language_code,
        "path": None,
        "translations": [
            {"id": str(other.pk), "locale": other.locale.language_code, "path": None}
            for other in others.select_related("locale").order_by("locale__language_code")
        ],
    }


# --- sending -------------------------------------------------------------------------------------


def notify(events: list[str], locale_id: int | None, build_payload) -> list[WebhookDelivery]:
    """A delivery for each endpoint that wants one of `events` (the first it wants wins).

    `build_payload` runs only when some endpoint wants the event, so changes with no endpoint
    cost one query.
    """
    endpoints = list(WebhookEndpoint.objects.filter(active=True).prefetch_related("locales"))
    chosen = []
    for endpoint in endpoints:
        event = next((e for e in events if endpoint.wants(e, locale_id)), None)
        if event:
            chosen.append((endpoint, event))
    if not chosen:
        return []
    base = build_payload()
    deliveries = []
    for endpoint, event in chosen:
        delivery_uuid = uuid.uuid4()
        payload = {
            "deliveryId": str(delivery_uuid),
            "event": event,
            "occurredAt": timezone.now().isoformat(),
            **base,
        }
        delivery = WebhookDelivery.objects.create(
            uuid=delivery_uuid, endpoint=endpoint, event=event, payload=payload
        )
        deliveries.append(delivery)
        # Sent once the change is committed, so the receiver can read it back from the API.
        transaction.on_commit(lambda pk=delivery.pk: deliver_webhook.enqueue(pk))
    return deliveries


def retry_delay(attempts: int) -> float:
    """Seconds before the next attempt after `attempts` failed ones: base, 2×base, 4×base…"""
    return settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1)


def _post(delivery: WebhookDelivery) -> int:
    body = delivery.body
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Webhook-Event": delivery.event,
            "X-Webhook-Delivery": str(delivery.uuid),
            "X-Webhook-Signature": sign(delivery.endpoint.secret, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@task()
def deliver_webhook(delivery_pk: int) -> str:
    """One attempt; on failure the next one is enqueued after the backoff delay."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_pk).first()
    if delivery is None or delivery.status in (
        WebhookDelivery.Status.SUCCEEDED,
        WebhookDelivery.Status.FAILED,
    ):
        return "skipped"
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.response_code = None
    try:
        code = _post(delivery)
        delivery.response_code = code
        delivery.error = "" if 200 <= code < 300 else f"The receiver answered {code}."
    except (OSError, ValueError) as error:  # timeouts, refused connections, bad URLs
        delivery.error = f"{type(error).__name__}: {error}"[:2000]
    if not delivery.error:
        delivery.status = WebhookDelivery.Status.SUCCEEDED
        delivery.next_attempt_at = None
        delivery.save()
        return delivery.status
    if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
        delivery.save()
        logger.warning("Webhook %s gave up after %d attempts", delivery, delivery.attempts)
        return delivery.status
    delay = retry_delay(delivery.attempts)
    delivery.status = WebhookDelivery.Status.RETRYING
    delivery.next_attempt_at = delivery.last_attempt_at + dt.timedelta(seconds=delay)
    delivery.save()
    _enqueue_retry(delivery.pk, delivery.next_attempt_at, delay)
    return delivery.status


def _enqueue_retry(delivery_pk: int, when: dt.datetime, delay: float):
    if deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=when).enqueue(delivery_pk)
    else:
        # Backends that cannot defer (the immediate one of dev and tests) wait here.
        time.sleep(delay)
        deliver_webhook.enqueue(delivery_pk)
