"""Serve what was published, never what was saved since.

Wagtail keeps a live page's unpublished edits in revisions, but wagtail-localize writes a
translator's saved draft straight into the live page's row (its `save_target(publish=False)`
saves the page). So a page whose row has unpublished changes is answered from its live revision,
with its inline lists taken from that revision too (see relations.is_preview).
"""

from wagtail.models import Page, Revision

from .context import FALLBACK_ATTR, LOCALE_ATTR, PREVIEW_ATTR


def as_published(objects: list) -> list:
    stale = {
        obj.pk: obj
        for obj in objects
        if isinstance(obj, Page)
        and obj.has_unpublished_changes
        and obj.live_revision_id
        and not getattr(obj, PREVIEW_ATTR, False)
    }
    if not stale:
        return objects
    revisions = Revision.objects.in_bulk([obj.live_revision_id for obj in stale.values()])
    published = []
    for obj in objects:
        revision = revisions.get(obj.live_revision_id) if obj.pk in stale else None
        if revision is None:
            published.append(obj)
            continue
        live = obj.with_content_json(revision.content)
        for attr in (LOCALE_ATTR, FALLBACK_ATTR):
            if hasattr(obj, attr):
                setattr(live, attr, getattr(obj, attr))
        # Inline lists of the live version live in memory, not in the (draft) rows.
        setattr(live, PREVIEW_ATTR, True)
        published.append(live)
    return published
