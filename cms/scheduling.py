"""Scheduled publishing, on time.

The API applies go_live_at and expire_at at once (cms/visibility.py): a page past its expiry or
before its go-live time is hidden even while its `live` flag still says otherwise. A page an
editor schedules to go live, though, becomes live only when Wagtail's `publish_scheduled` runs,
and an expired page is only marked unpublished (and its page.unpublished webhook sent) then.

So when an editor schedules a go-live, or publishes with an expiry, a background task that runs
`publish_scheduled` is enqueued for that moment: with the database backend `manage.py db_worker`
runs it when it is due. Backends that cannot defer (the immediate one of dev and tests) skip
this; a periodic `manage.py publish_scheduled` (docs/deployment.md) stays the safety net.
"""

import io

from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page, Revision
from wagtail.signals import page_published, published


@task()
def run_publish_scheduled() -> str:
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue()


def schedule_at(when) -> bool:
    """Enqueue publish_scheduled for `when` (after the commit); False when it cannot be."""
    if when is None or when <= timezone.now():
        return False
    if not run_publish_scheduled.get_backend().supports_defer:
        return False
    transaction.on_commit(lambda: run_publish_scheduled.using(run_after=when).enqueue())
    return True


def _on_revision_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.approved_go_live_at is None:
        return
    if update_fields is None or "approved_go_live_at" in update_fields:
        schedule_at(instance.approved_go_live_at)


def _on_page_published(sender, instance, **kwargs):
    # A scheduled (not yet live) publication sends page_published too; its expiry is enqueued
    # when it goes live.
    if instance.live:
        schedule_at(instance.expire_at)


def _on_published(sender, instance, **kwargs):
    # Wagtail sends `published` for pages as well as page_published: pages are handled above.
    if not isinstance(instance, Page) and getattr(instance, "live", False):
        schedule_at(getattr(instance, "expire_at", None))


def connect():
    post_save.connect(_on_revision_saved, sender=Revision, dispatch_uid="scheduling_go_live")
    page_published.connect(_on_page_published, dispatch_uid="scheduling_page_expiry")
    published.connect(_on_published, dispatch_uid="scheduling_snippet_expiry")
