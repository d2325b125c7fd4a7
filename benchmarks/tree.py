"""Pages inserted in bulk under a parent: the bench's builders (benchmarks/data.py and
benchmarks/peers/build.py) make thousands of pages in seconds instead of minutes.

Wagtail's `add_child` saves one page at a time (a few queries each, revisions and signals
aside). Here the tree fields are computed as treebeard would (materialised path, depth, url_path),
the `wagtailcore_page` rows are inserted with one bulk INSERT per chunk, then the rows of the
page type's own table, and the parent's `numchild` is set once. Pages are live, published now,
without revisions (the APIs read live pages); no signal is sent, so search indexing and the
reference index are the caller's business. Plain Django and Wagtail: runs in either venv.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

CHUNK = 500


def insert_children(parent: Page, children: list[Page]) -> list[Page]:
    """Insert unsaved pages of one type (a Page subclass with Page as its only concrete
    parent) as the last children of `parent`, in order; returns them saved."""
    if not children:
        return []
    model = type(children[0])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    first = parent.numchild + 1
    for n, page in enumerate(children):
        assert type(page) is model, "one page type per call"
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, first + n)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or now
        if page.locale_id is None:
            page.locale_id = parent.locale_id
    own_fields = [f for f in model._meta.local_concrete_fields]
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for start in range(0, len(children), CHUNK):
        chunk = children[start : start + CHUNK]
        bases = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields})
                 for page in chunk]  # fmt: skip
        Page.objects.bulk_create(bases)
        for page, base in zip(chunk, bases, strict=True):
            page.pk = page.id = base.pk
            page.page_ptr_id = base.pk
            page._state.adding = False
        model._base_manager._insert(chunk, fields=own_fields, using=connection.alias)
    parent.numchild += len(children)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)
    return children
