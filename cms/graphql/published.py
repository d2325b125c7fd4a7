"""Serve what was published, never what was saved since.

Wagtail keeps a live page's unpublished edits in revisions, but wagtail-localize writes a
translator's saved draft straight into the live page's row (its `save_target(publish=False)`
saves the page). So a page whose row has unpublished changes is answered from its live revision;
the context marks such a page as held in memory, so its inline lists are read from the revision
too (relations.py).
"""

from wagtail.models import Page, Revision


def as_published(objects: list) -> list:
    """The objects, each page with unpublished changes replaced by its live revision's version."""
    stale = {
        obj.pk: obj
        for obj in objects
        if isinstance(obj, Page) and obj.has_unpublished_changes and obj.live_revision_id
    }
    if not stale:
        return objects
    revisions = Revision.objects.in_bulk([obj.live_revision_id for obj in stale.values()])
    published = []
    for obj in objects:
        revision = revisions.get(obj.live_revision_id) if obj.pk in stale else None
        published.append(obj.with_content_json(revision.content) if revision else obj)
    return published
