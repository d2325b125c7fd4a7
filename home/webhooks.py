"""Publish webhooks: tell frontends at once when content is published, moved or removed.

Editors manage endpoints in the admin (Settings → Webhook endpoints): a URL, a secret, the events
and the locales it wants. When a page or snippet is published, unpublished, moved or deleted,
each matching endpoint gets a delivery: a JSON POST, signed with HMAC-SHA256 over the raw body
with the endpoint's secret, sent in the background by django-tasks after the transaction commits.
A failed delivery (an answer other than 2xx, a timeout, a refused connection) is retried with
exponential backoff; every delivery is logged (Settings → Webhook deliveries).

Headers of a delivery:
    Content-Type: application/json
    X-Webhook-Event: page.published
    X-Webhook-Delivery: <the delivery's UUID, the same on every retry>
    X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body with the endpoint's secret>

A receiver verifies with hmac.compare_digest(signature, "sha256=" + hmac(secret, body)).
A draft save sends nothing: only what changes what the public sees does.
"""

import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import time
import urllib.error
import urllib.request
import uuid

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.utils import timezone
from django_tasks import task
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from cms.paths import public_path
from cms.visibility import restricted_paths, site_root_paths, visible_pages

logger = logging.getLogger(__name__)

USER_AGENT = "cz-ua-digital-innovation-cms-webhooks/1"


class WebhookEvent(models.TextChoices):
    PAGE_PUBLISHED = "page.published", "Page published"
    PAGE_UNPUBLISHED = "page.unpublished", "Page unpublished"
    PAGE_MOVED = "page.moved", "Page moved"
    PAGE_DELETED = "page.deleted", "Page deleted"
    SNIPPET_PUBLISHED = "snippet.published", "Snippet published"
    SNIPPET_UNPUBLISHED = "snippet.unpublished", "Snippet unpublished"
    SNIPPET_DELETED = "snippet.deleted", "Snippet deleted"
    TRANSLATION_PUBLISHED = "translation.published", "Translation published"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="What to send. 'Translation published' is a publish in a language other than "
        "the default; an endpoint with both it and 'Page/Snippet published' gets it once, as "
        "translation.published.",
    )


class WebhookEndpoint(models.Model):
    """A frontend (or any service) to notify when content changes."""

    name = models.CharField(max_length=120, help_text="Who receives it, e.g. 'Public website'.")
    url = models.URLField(
        max_length=500, help_text="Where the JSON POST goes (https in production)."
    )
    secret = models.CharField(
        max_length=200,
        default=new_secret,
        help_text="Key of the HMAC-SHA256 signature in X-Webhook-Signature; give it to the "
        "receiver, keep it out of the frontend's public code.",
    )
    events = models.JSONField(
        default=list,
        blank=True,
        help_text="What to send. 'Translation published' is a publish in a language other than "
        "the default; an endpoint with both it and 'Page/Snippet published' gets it once, as "
        "translation.published.",
    )
    locales = models.ManyToManyField(
        Locale,
        blank=True,
        related_name="+",
        help_text="Only changes in these languages; none selected means every language.",
    )
    active = models.BooleanField(default=True, help_text="Untick to stop sending for a while.")
    created_at = models.DateTimeField(auto_now_add=True)

    base_form_class = WebhookEndpointForm
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        FieldPanel("events"),
        FieldPanel("locales", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "webhook endpoint"

    def __str__(self):
        return self.name

    def wants(self, event: str, locale_id: int | None) -> bool:
        if not self.active or event not in self.events:
            return False
        wanted = [locale.pk for locale in self.locales.all()]
        return not wanted or locale_id is None or locale_id in wanted


class WebhookDelivery(models.Model):
    """One event sent to one endpoint, with every attempt's outcome."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RETRYING = "retrying", "Retrying"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField(help_text="The JSON body, as signed and sent.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True, help_text="What went wrong in the last attempt.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"

    def __str__(self):
        return f"{self.event} → {self.endpoint}"

    @property
    def body(self) -> bytes:
        return encode(self.payload)


def encode(payload: dict) -> bytes:
    """The exact bytes sent and signed (stable, so every retry carries the same signature)."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# --- what a delivery says ----------------------------------------------------------------------


def _visible(model):
    site = Site.objects.filter(is_default_site=True).first()
    return visible_pages(model.objects.all(), site_root_paths(site), restricted_paths())


def page_payload(page: Page, *, path: str | None = None) -> dict:
    """type, id, locale, path and the public paths of the page's other translations."""
    translations = (
        _visible(Page)
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
    others = model.objects.filter(translation_key=snippet.translation_key, live=True).exclude(
        pk=snippet.pk
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


# --- signals: what triggers a delivery --------------------------------------------------------


def _is_translation(obj) -> bool:
    return obj.locale_id != Locale.get_default().pk


def _on_page_published(sender, instance, **kwargs):
    if not instance.live:
        return  # scheduled for later: sent when publish_scheduled makes it live
    events = [WebhookEvent.PAGE_PUBLISHED]
    if _is_translation(instance):
        events.insert(0, WebhookEvent.TRANSLATION_PUBLISHED)
    notify(events, instance.locale_id, lambda: page_payload(instance))


def _on_page_unpublished(sender, instance, **kwargs):
    notify([WebhookEvent.PAGE_UNPUBLISHED], instance.locale_id, lambda: page_payload(instance))


def _on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before == url_path_after:
        return  # reordered among its siblings: no path changed

    def payload():
        new = Page(url_path=url_path_after, depth=instance.depth, locale=instance.locale)
        old = Page(url_path=url_path_before, depth=instance.depth, locale=instance.locale)
        return {**page_payload(instance, path=public_path(new)), "oldPath": public_path(old)}

    notify([WebhookEvent.PAGE_MOVED], instance.locale_id, payload)


def _on_page_deleted(sender, instance, **kwargs):
    if instance.depth < 2:
        return
    path = public_path(instance)
    notify(
        [WebhookEvent.PAGE_DELETED],
        instance.locale_id,
        lambda: page_payload(instance, path=path),
    )


def _is_content_snippet(instance) -> bool:
    from cms.mixins import TranslatableSnippet

    return isinstance(instance, TranslatableSnippet)


def _on_snippet_published(sender, instance, **kwargs):
    if not _is_content_snippet(instance) or not instance.live:
        return
    events = [WebhookEvent.SNIPPET_PUBLISHED]
    if _is_translation(instance):
        events.insert(0, WebhookEvent.TRANSLATION_PUBLISHED)
    notify(events, instance.locale_id, lambda: snippet_payload(instance))


def _on_snippet_unpublished(sender, instance, **kwargs):
    if _is_content_snippet(instance):
        notify(
            [WebhookEvent.SNIPPET_UNPUBLISHED],
            instance.locale_id,
            lambda: snippet_payload(instance),
        )


def _on_deleted(sender, instance, **kwargs):
    if sender is Page:
        _on_page_deleted(sender, instance)
    elif _is_content_snippet(instance):
        notify(
            [WebhookEvent.SNIPPET_DELETED],
            instance.locale_id,
            lambda: snippet_payload(instance),
        )


page_published.connect(_on_page_published, dispatch_uid="webhooks_page_published")
page_unpublished.connect(_on_page_unpublished, dispatch_uid="webhooks_page_unpublished")
post_page_move.connect(_on_page_moved, dispatch_uid="webhooks_page_moved")
published.connect(_on_snippet_published, dispatch_uid="webhooks_snippet_published")
unpublished.connect(_on_snippet_unpublished, dispatch_uid="webhooks_snippet_unpublished")
# Page deletion: Django sends post_delete for the base Page row of every deleted page.
post_delete.connect(_on_deleted, dispatch_uid="webhooks_deleted")
