"""Publish webhooks: tell frontends at once when content is published, moved or removed.

Editors manage endpoints in the admin (Webhooks → Webhook endpoints): a URL, a secret, the events
and the locales it wants. When a page or snippet is published, unpublished, moved or deleted,
each matching endpoint gets a delivery: a JSON POST, signed with HMAC-SHA256 over the raw body
with the endpoint's secret, sent in the background by django-tasks once the transaction commits.
A failed attempt (an answer other than 2xx, a redirect, a timeout, a failed connection) is
retried with exponential backoff; every delivery is logged (Webhooks → Webhook deliveries).

Headers of a delivery:
    Content-Type: application/json
    X-Webhook-Event: page.published
    X-Webhook-Delivery: <the delivery's UUID, the same on every retry>
    Idempotency-Key: <the same UUID>
    X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body with the endpoint's secret>

For receivers: a delivery can arrive more than once. A retry after a timeout or a failed
connection may follow an attempt the receiver did get, and an attempt whose worker died is sent
again. Every attempt of one delivery carries the same Idempotency-Key (= X-Webhook-Delivery =
the body's deliveryId) and the same body and signature, so a receiver that remembers the keys it
has handled (for a day is plenty) can answer 2xx to a repeat and do nothing.

Where deliveries may go (https, public addresses only, no redirects): addresses.py, transport.py.
The body and signature: signing.py. Finding deliveries whose worker died: recovery.py.
A draft save sends nothing: only what changes what the public sees does.

Attempts (deliver_webhook): an attempt first claims its delivery with one conditional UPDATE,
so two workers never send the same delivery at once. The claim counts the attempt, records its
start (last_attempt_at) and sets next_attempt_at to the end of a lease, WEBHOOK_TIMEOUT_SECONDS +
WEBHOOK_RECOVERY_MARGIN_SECONDS later: a delivery still pending or retrying after its lease ended
had its worker die mid-attempt, and the reconciliation sends it again. The outcome is written
only by the attempt that still holds the claim.
"""

import datetime as dt
import http.client
import logging
import ssl
import time
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from wagtail.models import Page

from cms.paths import public_path
from cms.visibility import PublicScope, visible

from .addresses import HostNotResolved, URLNotAllowed
from .models import WebhookDelivery, WebhookEndpoint
from .signing import sign
from .transport import post

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

OPEN = (WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING)
# What the log says while an attempt runs; it stays if the worker dies during the attempt.
ATTEMPT_IN_PROGRESS = (
    "An attempt is in progress (if it never finishes, the delivery is sent again after the "
    "next attempt time)."
)


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
        if tasks_stored_with_the_data():
            # The task row is written in the same transaction as the delivery: both are
            # committed or neither (no delivery without its task if the process dies), and the
            # worker sees the task only once the change is committed.
            with transaction.atomic():
                delivery = WebhookDelivery.objects.create(
                    uuid=delivery_uuid, endpoint=endpoint, event=event, payload=payload
                )
                deliver_webhook.enqueue(delivery.pk)
        else:
            delivery = WebhookDelivery.objects.create(
                uuid=delivery_uuid, endpoint=endpoint, event=event, payload=payload
            )
            # Sent once the change is committed, so the receiver can read it back from the API.
            transaction.on_commit(lambda pk=delivery.pk: deliver_webhook.enqueue(pk))
        deliveries.append(delivery)
    return deliveries


def tasks_stored_with_the_data() -> bool:
    """Whether deliver_webhook's tasks are rows of our database (django-tasks-db)."""
    return isinstance(deliver_webhook.get_backend(), DatabaseBackend)


def attempt_lease() -> dt.timedelta:
    """How long an attempt may hold its delivery before it counts as dead."""
    return dt.timedelta(
        seconds=settings.WEBHOOK_TIMEOUT_SECONDS + settings.WEBHOOK_RECOVERY_MARGIN_SECONDS
    )


def retry_delay(attempts: int) -> float:
    """Seconds before the next attempt after `attempts` failed ones: base, 2×base, 4×base…"""
    return settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1)


def headers(delivery: WebhookDelivery, body: bytes) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Webhook-Event": delivery.event,
        "X-Webhook-Delivery": str(delivery.uuid),
        "Idempotency-Key": str(delivery.uuid),
        "X-Webhook-Signature": sign(delivery.endpoint.secret, body),
    }


def attempt(delivery: WebhookDelivery) -> tuple[int | None, str, bool]:
    """Send once: (status code or None, error for the log or "", whether the failure is final).

    The error names the class of failure only; the details (addresses, ports, errno) go to the
    operators' log at WARNING.
    """
    body = delivery.body
    timeout = settings.WEBHOOK_TIMEOUT_SECONDS
    try:
        code, _reason = post(delivery.endpoint.url, body, headers(delivery, body), timeout)
    except URLNotAllowed as error:
        _log_failure(delivery, error)
        return None, f"The address is not allowed: {error}", True
    except HostNotResolved as error:
        _log_failure(delivery, error)
        return None, "The host name could not be resolved.", False
    except TimeoutError as error:
        _log_failure(delivery, error)
        return None, f"The receiver did not answer within {timeout:g} s.", False
    except ssl.SSLCertVerificationError as error:
        _log_failure(delivery, error)
        return None, "The receiver's TLS certificate was not accepted.", False
    except ssl.SSLError as error:
        _log_failure(delivery, error)
        return None, "The secure connection (TLS) to the receiver failed.", False
    except OSError as error:
        _log_failure(delivery, error)
        return None, "The connection failed.", False
    except http.client.HTTPException as error:
        _log_failure(delivery, error)
        return None, "The receiver's answer was not valid HTTP.", False
    except Exception:
        logger.exception("Webhook delivery %s: unexpected error", delivery.uuid)
        return None, "The delivery failed.", False
    if 200 <= code < 300:
        return code, "", False
    if 300 <= code < 400:
        return code, f"The receiver answered {code}; redirects are not followed.", False
    return code, f"The receiver answered {code}.", False


def _log_failure(delivery: WebhookDelivery, error: BaseException) -> None:
    """The details the delivery log leaves out, for operators."""
    details = [repr(error)]
    if error.__cause__ is not None:
        details.append(f"caused by {error.__cause__!r}")
    if getattr(error, "address", None) is not None:
        details.append(f"refused address {error.address}")
    logger.warning(
        "Webhook delivery %s (%s, attempt %d) to endpoint %s failed: %s",
        delivery.uuid,
        delivery.event,
        delivery.attempts,
        delivery.endpoint_id,
        "; ".join(details),
    )


def _claim(delivery_pk: int) -> WebhookDelivery | None:
    """Take the delivery for one attempt, or None when it is not due, done or taken."""
    now = timezone.now()
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery_pk, status__in=OPEN)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(
            attempts=F("attempts") + 1,
            last_attempt_at=now,
            next_attempt_at=now + attempt_lease(),
            response_code=None,
            error=ATTEMPT_IN_PROGRESS,
        )
    )
    if not claimed:
        return None
    return WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_pk)


def _still_mine(delivery: WebhookDelivery):
    """The delivery, if no one took it over since this attempt claimed it."""
    return WebhookDelivery.objects.filter(
        pk=delivery.pk,
        status__in=OPEN,
        attempts=delivery.attempts,
        last_attempt_at=delivery.last_attempt_at,
    )


def _write(operation):
    """Run a write; if the database connection was lost, reconnect and run it once more.

    The request has been sent by then: losing its outcome would send it again. The writes are
    conditional on the claim, so running one twice changes nothing.
    """
    try:
        return operation()
    except (OperationalError, InterfaceError):
        connection = transaction.get_connection()
        if connection.in_atomic_block:
            raise
        logger.warning("Database connection lost while recording a webhook attempt; reconnecting")
        connection.close()
        return operation()


@task()
def deliver_webhook(delivery_pk: int) -> str:
    """One attempt; on failure the next one is enqueued after the backoff delay."""
    delivery = _claim(delivery_pk)
    if delivery is None:
        return "skipped"
    code, error, final = attempt(delivery)
    Status = WebhookDelivery.Status
    if not error:
        return _finish(delivery, Status.SUCCEEDED, code, "")
    if final or delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        status = _finish(delivery, Status.FAILED, code, error)
        logger.warning("Webhook %s gave up after %d attempts", delivery, delivery.attempts)
        return status
    delay = retry_delay(delivery.attempts)
    when = delivery.last_attempt_at + dt.timedelta(seconds=delay)
    values = {
        "status": Status.RETRYING,
        "response_code": code,
        "error": error,
        "next_attempt_at": when,
    }
    if deliver_webhook.get_backend().supports_defer:

        def retry_later():
            # The retry's task is committed with the new state, or neither is.
            with transaction.atomic():
                if _still_mine(delivery).update(**values):
                    deliver_webhook.using(run_after=when).enqueue(delivery_pk)
                    return True
                return False

        if not _write(retry_later):
            return _superseded(delivery)
        return Status.RETRYING
    if not _write(lambda: _still_mine(delivery).update(**values)):
        return _superseded(delivery)
    # Backends that cannot defer (the immediate one of dev and tests) wait here.
    time.sleep(delay)
    deliver_webhook.enqueue(delivery_pk)
    return Status.RETRYING


def _finish(delivery: WebhookDelivery, status: str, code: int | None, error: str) -> str:
    values = {"status": status, "response_code": code, "error": error, "next_attempt_at": None}
    if not _write(lambda: _still_mine(delivery).update(**values)):
        return _superseded(delivery)
    return status


def _superseded(delivery: WebhookDelivery) -> str:
    logger.warning(
        "Webhook delivery %s: attempt %d finished after its lease; another attempt took over",
        delivery.uuid,
        delivery.attempts,
    )
    return "superseded"
