"""Which strings of a translation are outdated: new or changed in the source since the
translation was last published (highlighted in the translation editor).

A translation's revision is made from the TranslationSource as it is at that moment (by
wagtail-localize's `save_target`, for a sync, a submission or a reviewer's publish). Its strings
are recorded with the revision (`RevisionSource`); a string of the source today that the live
revision was not made from is outdated. Revisions published before this record existed fall
back to the strings that have no translation yet.
"""

from django.db.models.signals import post_save
from wagtail.models import Revision
from wagtail_localize.models import StringSegment, Translation

from .models import RevisionSource


def record_revision_source(sender, instance, created, raw=False, **kwargs):
    """post_save of Revision: a translation's new revision records its source's strings."""
    if raw or not created:
        return
    content = instance.content or {}
    key, locale_id = content.get("translation_key"), content.get("locale")
    if key is None or locale_id is None:
        return
    source_id = (
        Translation.objects.filter(source__object_id=key, target_locale_id=locale_id, enabled=True)
        .values_list("source_id", flat=True)
        .first()
    )
    if source_id is None:
        return
    pairs = StringSegment.objects.filter(source_id=source_id).values_list("context_id", "string_id")
    RevisionSource.objects.create(revision=instance, segments=sorted(map(list, pairs)))


def outdated_segments(translation: Translation, target) -> list[StringSegment]:
    """The source's string segments the live translation was not made from, in source order.
    Empty for a translation never published (all of it is new, shown by its progress)."""
    live_revision_id = getattr(target, "live_revision_id", None)
    if live_revision_id is None:
        return []
    segments = list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    made_from = (
        RevisionSource.objects.filter(revision_id=live_revision_id)
        .values_list("segments", flat=True)
        .first()
    )
    if made_from is None:
        translated = {
            segment.pk
            for segment in StringSegment.objects.filter(source=translation.source)
            .annotate_translation(translation.target_locale)
            .filter(translation__isnull=False)
        }
        return [segment for segment in segments if segment.pk not in translated]
    known = {tuple(pair) for pair in made_from}
    return [s for s in segments if (s.context_id, s.string_id) not in known]


def connect():
    post_save.connect(record_revision_source, sender=Revision, dispatch_uid="translation_revision")
