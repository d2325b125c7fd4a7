"""What triggers a delivery: publishing, unpublishing, moving and deleting pages and snippets.

Connected in WebhooksConfig.ready(). A draft save sends nothing: only what changes what the
public sees does.
"""

from django.db.models.signals import post_delete
from wagtail.models import Locale, Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from cms.mixins import TranslatableSnippet
from cms.paths import public_path

from .delivery import notify, page_payload, snippet_payload
from .models import WebhookEvent


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


def connect():
    page_published.connect(_on_page_published, dispatch_uid="webhooks_page_published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="webhooks_page_unpublished")
    post_page_move.connect(_on_page_moved, dispatch_uid="webhooks_page_moved")
    published.connect(_on_snippet_published, dispatch_uid="webhooks_snippet_published")
    unpublished.connect(_on_snippet_unpublished, dispatch_uid="webhooks_snippet_unpublished")
    # Page deletion: Django sends post_delete for the base Page row of every deleted page.
    post_delete.connect(_on_deleted, dispatch_uid="webhooks_deleted")
