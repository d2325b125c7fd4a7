"""Translations follow their source into drafts, never live (docs/translation.md, "Keeping
translations current").

- When a person publishes a source (English) page or translatable snippet that has
  translations, its TranslationSource is updated from the published content and each
  translation is saved as a draft revision (`save_draft`: the live translation keeps its text
  until a reviewer approves the updated draft in "Translation review"). This runs in a
  background task after the commit, so the editor's publish request does not wait for it
  (TRANSLATION_AUTO_SYNC, on by default). Publishing by code, with no user on the revision (the
  demo loader, data scripts), leaves the translations as that code leaves them.
- A translator may do the same for their own locale: "Update from source" (sync_admin.py).
- Nothing translated is lost: wagtail-localize keys a string's translation by the source string
  and its context (the field or block it is in), so every unchanged string keeps its
  translation; a new or changed string has none yet and falls back to the source text.
- Each update records which strings are new or different (`SourceChange`): the translators'
  digest (digest.py) reports them.
"""

import functools
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django_tasks import task
from wagtail.models import Page, WorkflowState
from wagtail.signals import published
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    TemplateSegment,
    Translation,
    TranslationSource,
)

from .models import SourceChange
from .workflow import save_draft

logger = logging.getLogger(__name__)

# What became of one translation in a sync.
DRAFT = "draft"
UNDER_REVIEW = "under review"
FAILED = "failed"


@dataclass(frozen=True)
class Outcome:
    locale: str
    status: str


def segment_pairs(source: TranslationSource) -> set[tuple[int, int]]:
    """The source's strings as (context id, string id): a string at its place in the source."""
    return set(StringSegment.objects.filter(source=source).values_list("context_id", "string_id"))


def content_signature(source: TranslationSource) -> set[tuple]:
    """Everything of the source a translation is made from, each at its place: strings,
    synchronised values, related objects and rich-text templates."""
    kinds = [
        ("string", StringSegment, "string_id"),
        ("value", OverridableSegment, "data_json"),
        ("object", RelatedObjectSegment, "object_id"),
        ("template", TemplateSegment, "template_id"),
    ]
    return {
        (kind, context_id, value)
        for kind, model, field in kinds
        for context_id, value in model.objects.filter(source=source).values_list(
            "context_id", field
        )
    }


def update_source(source: TranslationSource) -> list[tuple[int, int]]:
    """Take the source's published content into its TranslationSource and return the strings
    that are new or changed (a changed string is a new string at the same place).

    A change of anything translations are made from is recorded (`SourceChange`, with its new
    strings): the live translations are outdated from then on until they are published again,
    and the digest reports the strings. An update that changes nothing records nothing."""
    before = content_signature(source)
    source.update_from_db()
    after = content_signature(source)
    strings = sorted(
        (context, value) for kind, context, value in after - before if kind == "string"
    )
    if after != before:
        SourceChange.objects.create(source=source, strings=[list(pair) for pair in strings])
    return strings


def target_of(translation: Translation):
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return target.specific if isinstance(target, Page) else target


def under_review(target) -> bool:
    state = getattr(target, "current_workflow_state", None)
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def save_translation_draft(translation: Translation, user, *, keep_review=True) -> Outcome:
    """Save one translation as a draft from the source and its translated strings.

    With `keep_review`, a translation under review is left alone: approving publishes the
    latest revision, so a draft saved now would put text the reviewers never saw live."""
    code = translation.target_locale.language_code
    target = target_of(translation)
    if target is None:
        return Outcome(code, FAILED)
    if keep_review and under_review(target):
        return Outcome(code, UNDER_REVIEW)
    try:
        with transaction.atomic():
            save_draft(translation, user)
    except (ValidationError, ObjectDoesNotExist) as error:
        logger.warning("Translation %s not synced into a draft: %r", translation.pk, error)
        return Outcome(code, FAILED)
    return Outcome(code, DRAFT)


def sync_drafts(source: TranslationSource, user) -> list[Outcome]:
    """Update the source, then every enabled translation of it as a draft."""
    update_source(source)
    translations = source.translations.filter(enabled=True).select_related("target_locale")
    return [
        save_translation_draft(translation, user)
        for translation in translations.order_by("target_locale__language_code")
    ]


def update_from_source(translation: Translation, user) -> tuple[list, Outcome]:
    """A translator's "Update from source": the source is updated (it is shared by every
    locale's translation) and this translation alone is saved as a draft."""
    with transaction.atomic():
        changed = update_source(translation.source)
        outcome = save_translation_draft(translation, user, keep_review=False)
    return changed, outcome


# --- after a publish: in the background ------------------------------------------------------


@task()
def sync_translations(source_id: int, user_id: int | None) -> dict:
    """Sync a published source's translations into drafts (enqueued after the commit)."""
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return {}
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        with transaction.atomic():
            outcomes = sync_drafts(source, user)
    except ObjectDoesNotExist:
        return {}  # the source was deleted meanwhile: nothing to follow
    return {outcome.locale: outcome.status for outcome in outcomes}


def enqueue_sync(source_id: int, user_id: int | None) -> None:
    sync_translations.enqueue(source_id, user_id)


def synced_source_id(instance) -> int | None:
    """The TranslationSource this object is the source of, when it has enabled translations."""
    key = getattr(instance, "translation_key", None)
    if key is None:
        return None
    return (
        TranslationSource.objects.filter(
            object_id=key, locale_id=instance.locale_id, translations__enabled=True
        )
        .values_list("pk", flat=True)
        .first()
    )


def on_published(sender, instance, revision=None, **kwargs):
    """`published` (pages and snippets): sync the translations of a source a person published."""
    if not settings.TRANSLATION_AUTO_SYNC or revision is None or revision.user_id is None:
        return
    source_id = synced_source_id(instance)
    if source_id is not None:
        transaction.on_commit(
            functools.partial(enqueue_sync, source_id, revision.user_id), robust=True
        )


def connect():
    published.connect(on_published, dispatch_uid="translation_auto_sync")
