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
from django.db import models
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

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


class HeadlessPage(FrontendPreviewMixin, Page):
    """Base of every page type.

    No HTML templates exist (the public reads the API): the preview opens the frontend with a
    preview token (cms/preview.py) when PREVIEW_FRONTEND_URLS is set, and is off otherwise
    rather than failing with a missing template.
    """

    class Meta:
        abstract = True


class TranslatableSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
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


def translatable_snippet_models() -> list[type[TranslatableSnippet]]:
    """Every concrete translatable snippet model of the installed apps (Topic, Organisation…)."""
    return [model for model in apps.get_models() if issubclass(model, TranslatableSnippet)]
