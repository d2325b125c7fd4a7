"""Abstract models and translation decisions shared by the content apps.

Translation decisions (wagtail-localize), applied by every model:
- text an editor writes (titles, summaries, bodies, captions): TranslatableField;
- slugs of pages: translated, so Czech and Ukrainian URLs read in their language;
- dates, numbers, choices, URLs, slugs of snippets used as filter keys: SynchronizedField
  (overridable=False), they follow the English source;
- foreign keys to translatable snippets (Topic, Organisation, Award): TranslatableField, so the
  translation points to the snippet's translation in its own locale;
- foreign keys to pages: synchronised (wagtail-localize's own choice); the API resolves them to
  the page's translation in the requested locale;
- images: SynchronizedField(overridable=True), so a translator can swap a picture with text in it.
"""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.fields import linked
from cms.loading import QuickLoad
from cms.preview import FrontendPreviewMixin

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus", overridable=False),
]


def synchronised(*names: str) -> list[SynchronizedField]:
    """Fields that always follow the source (dates, choices, links)."""
    return [SynchronizedField(name, overridable=False) for name in names]


def overridable(*names: str) -> list[SynchronizedField]:
    """Fields that follow the source unless a translator overrides them (images)."""
    return [SynchronizedField(name, overridable=True) for name in names]


def translated(*names: str) -> list[TranslatableField]:
    return [TranslatableField(name) for name in names]


class HeadlessPage(QuickLoad, FrontendPreviewMixin, Page):
    """Base of every page type.

    No HTML templates exist (the public reads the API): the preview opens the frontend with a
    preview token (cms/preview.py) when PREVIEW_FRONTEND_URLS is set, and is off otherwise
    rather than failing with a missing template.
    """

    class Meta:
        abstract = True

    def get_indexed_instance(self):
        """Index what the public reads: wagtail-localize saves a translator's draft into a live
        page's row, so such a page is indexed from its live revision (search and autocomplete
        never match or quote unpublished text)."""
        instance = super().get_indexed_instance()
        if instance is not None and instance.live and instance.has_unpublished_changes:
            revision = instance.live_revision
            if revision is not None:
                try:
                    return revision.as_object()
                except (AttributeError, ObjectDoesNotExist):
                    # A live page being deleted with a pending draft: its revision no longer
                    # finds the page; the row is about to leave the index anyway.
                    return instance
        return instance


class ListingPage(HeadlessPage):
    """The page that lists one kind of page (events, news, people); one per locale site.

    Subclasses declare `intro` with cms.fields.listing_intro.
    """

    content_panels = HeadlessPage.content_panels + [FieldPanel("intro")]
    # A string, not an import: the home app's page is every listing's parent.
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + translated("intro")

    class Meta:
        abstract = True


class TranslatableOrderable(TranslatableMixin, Orderable):
    """A row of an inline list with its own copy in each locale.

    Rows that point to a translatable snippet are translatable, so that a translated page points
    to the snippet's translation in its own locale.
    """

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


def inline_row(
    target: str, field: str, help_text: str, verbose_name: str, translatable: bool = False
):
    """The abstract base of rows of inline lists pointing to `target` through `field`, e.g.
    `PersonRow = inline_row("people.PersonPage", "person", …)`; a concrete row adds only its
    page (cms.fields.belongs_to). `verbose_name` labels the field in the admin's inline form.

    Rows pointing to a translatable snippet are translatable, so that a translated page points
    to the snippet's translation; rows pointing to pages are not (the API resolves a page into
    the reader's locale).
    """
    base = TranslatableOrderable if translatable else Orderable
    return type(
        f"{field.title()}Row",
        (base,),
        {
            "__module__": __name__,
            "__doc__": f"A row of an inline list pointing to a {field}.",
            field: linked(target, help_text, verbose_name),
            "panels": [FieldPanel(field)],
            "Meta": type("Meta", (base.Meta,), {"abstract": True}),
        },
    )


class TranslatableSnippet(
    QuickLoad,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """A snippet with drafts, revisions, locking and workflows, translated per locale.

    Drafts and workflows let a translation of a snippet go through review before it is published.
    """

    _revisions = GenericRelation("wagtailcore.Revision")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions


class NamedSnippet(TranslatableSnippet):
    """A snippet readers and editors know by its `name`: listed, searched and shown by it.

    Subclasses declare `name` and `description`.
    """

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableSnippet.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


def translatable_snippet_models() -> list[type[TranslatableSnippet]]:
    """Every concrete translatable snippet model of the installed apps (Topic, Organisation…)."""
    return [model for model in apps.get_models() if issubclass(model, TranslatableSnippet)]
