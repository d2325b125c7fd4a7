"""How complete and current a translation is: the one computation behind the admin's
"Translation status" report, its dashboard panel, PO exports and the API's `translationStatus`.

Public information only (no names, no draft text). Computed for many objects of one model at
once, in four queries, so listings stay N+1-free.

Every English object, per target locale, is in one state (`classify`):
- missing: no translation in that locale;
- in progress: a translation exists, some source segments are not translated (percent shown);
- awaiting review: submitted for review ("Translation review" in progress), not yet approved,
  rejected or cancelled: the reviewers' queue;
- machine-translated: complete, but some text is machine-translated and not yet edited by a
  person or approved;
- outdated: the English source was published after the translation last took it in (sync), so
  the translation may say something the source no longer says;
- up to date.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Subquery
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from .models import SourceChange

MISSING = "missing"
IN_PROGRESS = "in progress"
AWAITING_REVIEW = "awaiting review"
MACHINE = "machine-translated"
OUTDATED = "outdated"
UP_TO_DATE = "up to date"
STATUSES = [MISSING, IN_PROGRESS, AWAITING_REVIEW, MACHINE, OUTDATED, UP_TO_DATE]


@dataclass(frozen=True)
class TranslationStatus:
    source_locale: str
    percent_translated: int
    is_outdated: bool
    is_machine_translated: bool
    last_synced_at: datetime | None
    # The source's string segments, and how many of them this translation has.
    segments: int = 0
    translated_segments: int = 0


def percent(done: int, total: int) -> int:
    """`done` of `total` in percent; 100 only when complete (199 of 200 is 99, not 100)."""
    if total == 0 or done >= total:
        return 100
    return min(round(100 * done / total), 99)


def classify(status: TranslationStatus | None, in_review: bool = False) -> tuple[str, int]:
    """The state of one translation (None: there is none) and its percent translated."""
    if status is None:
        return MISSING, 0
    if in_review:
        # What the reviewers have to decide on comes first, whatever else is true of it.
        return AWAITING_REVIEW, status.percent_translated
    if status.percent_translated < 100:
        return IN_PROGRESS, status.percent_translated
    if status.is_outdated:
        return OUTDATED, 100
    if status.is_machine_translated:
        return MACHINE, 100
    return UP_TO_DATE, 100


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
    segments = {}
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source__in=sources.values()
    ).values_list("source_id", "string_id", "context_id"):
        segments.setdefault(source_id, []).append((string_id, context_id))
    translated = {}
    for string_id, context_id, locale_id, kind in StringTranslation.objects.filter(
        translation_of_id__in={string_id for own in segments.values() for string_id, _ in own},
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
        own = segments.get(source.pk, [])
        kinds = [translated.get((s, c, obj.locale_id)) for s, c in own]
        done = [kind for kind in kinds if kind is not None]
        share = percent(len(done), len(own))
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
            percent_translated=share,
            is_outdated=changed_since_sync or live_before_change or share < 100,
            is_machine_translated=StringTranslation.TRANSLATION_TYPE_MACHINE in done,
            last_synced_at=source.last_updated_at,
            segments=len(own),
            translated_segments=len(done),
        )
    return result


def source_segments(keys, locale_id: int) -> dict:
    """{translation key: number of string segments} of the objects' sources in the locale.

    Only objects prepared for translation have a source (wagtail-localize extracts the text
    when a translation is first asked for); the others are left out. One query."""
    if not keys:
        return {}
    return dict(
        TranslationSource.objects.filter(object_id__in=keys, locale_id=locale_id)
        .annotate(count=Count("stringsegment"))
        .values_list("object_id", "count")
    )


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
