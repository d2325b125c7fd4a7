"""How complete and current a translation is: the one computation behind the admin's
"Translation status" report, its dashboard panel, PO exports and the API's `translationStatus`.

Public information only (no names, no draft text). Computed for many objects of one model at
once, in four queries, so listings stay N+1-free.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from .models import SourceChange


@dataclass(frozen=True)
class TranslationStatus:
    source_locale: str
    percent_translated: int
    is_outdated: bool
    is_machine_translated: bool
    last_synced_at: datetime | None


def _base_model(obj):
    return Page if isinstance(obj, Page) else type(obj)


def compute_statuses(objects) -> dict:
    """{pk: TranslationStatus or None} for objects of one model (None: not a translation)."""
    if not objects:
        return {}
    model = _base_model(objects[0])
    keys = {obj.translation_key for obj in objects}
    last_change = SourceChange.objects.filter(source=OuterRef("pk")).order_by("-changed_at")
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys)
        .select_related("locale")
        .annotate(last_changed_at=Subquery(last_change.values("changed_at")[:1]))
    }
    source_published = dict(
        model.objects.filter(
            translation_key__in=keys,
            locale_id__in={source.locale_id for source in sources.values()},
        ).values_list("translation_key", "last_published_at")
    )
    segments = list(
        StringSegment.objects.filter(source__in=sources.values()).values_list(
            "source_id", "string_id", "context_id"
        )
    )
    translated = {}
    for string_id, context_id, locale_id, kind in StringTranslation.objects.filter(
        translation_of_id__in={string_id for _, string_id, _ in segments},
        locale_id__in={obj.locale_id for obj in objects},
        has_error=False,
    ).values_list("translation_of_id", "context_id", "locale_id", "translation_type"):
        translated[(string_id, context_id, locale_id)] = kind

    result = {}
    for obj in objects:
        source = sources.get(obj.translation_key)
        if source is None or source.locale_id == obj.locale_id:
            result[obj.pk] = None
            continue
        own = [(s, c) for source_id, s, c in segments if source_id == source.pk]
        kinds = [translated.get((s, c, obj.locale_id)) for s, c in own]
        done = [kind for kind in kinds if kind is not None]
        percent = round(100 * len(done) / len(own)) if own else 100
        published = source_published.get(obj.translation_key)
        changed_since_sync = bool(published and published > source.last_updated_at)
        # The source changed after the live translation was published (synced into a draft by
        # cms/translation/sync.py): the public still reads what the source said before.
        live_before_change = bool(
            getattr(obj, "live", False)
            and obj.last_published_at
            and source.last_changed_at
            and obj.last_published_at < source.last_changed_at
        )
        result[obj.pk] = TranslationStatus(
            source_locale=source.locale.language_code,
            percent_translated=percent,
            is_outdated=changed_since_sync or live_before_change or percent < 100,
            is_machine_translated=StringTranslation.TRANSLATION_TYPE_MACHINE in done,
            last_synced_at=source.last_updated_at,
        )
    return result


def awaiting_review(objects) -> set:
    """Pks of the objects (of one model) with a workflow in progress: submitted for review and
    not yet approved, rejected or cancelled. One query."""
    if not objects:
        return set()
    base_type = ContentType.objects.get_for_model(_base_model(objects[0]))
    return {
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            base_content_type=base_type,
            object_id__in=[str(obj.pk) for obj in objects],
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).values_list("object_id", flat=True)
    }
