"""What retires cached API answers: the signals that bump the content version (CmsConfig).

`PUBLIC_CHANGE_SIGNALS` are the signals after which the public may see something else: publish,
unpublish, move and deletion of pages and snippets. A translation's publication is the publish of
its locale's page or snippet, and a scheduled go-live or expiry is a publish or unpublish sent by
`publish_scheduled` (cms/scheduling.py runs it on time). The publish webhooks (cms/webhooks/
signals.py) react to the same set. Here each bumps the content version (cms/content_version.py),
which retires every cached GraphQL answer in every process.

What the public sees also depends on rows saved without those signals: sites, locales, view
restrictions, redirects, search promotions, images and documents (saved or deleted), the search
index and image renditions (made by background tasks after a save), and the code itself (a
deploy runs `migrate`). Those bump the version too.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from cms import content_version
from cms.renditions import generate_renditions

PUBLIC_CHANGE_SIGNALS = (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
    post_delete,
)


def is_content(instance) -> bool:
    """A page, or a snippet with drafts: what publish and unpublish apply to."""
    return isinstance(instance, Page | DraftStateMixin)


def on_public_change(sender, instance=None, **kwargs):
    if is_content(instance):
        content_version.changed(
            getattr(instance, "go_live_at", None), getattr(instance, "expire_at", None)
        )


def on_row_change(sender, raw=False, **kwargs):
    if not raw:  # fixtures (loaddata) change nothing the public has seen yet
        content_version.changed()


# Background tasks whose work changes answers: the search index of a saved object, and the
# renditions of an image (answers then name the stored file instead of the on-demand view).
CONTENT_TASKS = {task.module_path for task in (insert_or_update_object_task, generate_renditions)}


def on_task_finished(sender, task_result, **kwargs):
    if task_result.task.module_path in CONTENT_TASKS:
        content_version.changed()


def on_migrated(sender, **kwargs):
    content_version.bump()


def rows_the_public_sees() -> list:
    return [
        Site,
        Locale,
        PageViewRestriction,
        Redirect,
        SearchPromotion,
        get_image_model(),
        get_document_model(),
    ]


def connect() -> None:
    for signal in PUBLIC_CHANGE_SIGNALS:
        signal.connect(on_public_change, dispatch_uid=f"content_version_{id(signal)}")
    for model in rows_the_public_sees():
        for signal in (post_save, post_delete):
            signal.connect(on_row_change, sender=model, dispatch_uid="content_version_rows")
    task_finished.connect(on_task_finished, dispatch_uid="content_version_search_index")
    # post_migrate is sent once per app; once is enough.
    post_migrate.connect(
        on_migrated, sender=apps.get_app_config("cms"), dispatch_uid="content_version_migrated"
    )
