"""`translationStatus` of pages and snippets: is this translation complete and current?

The computation is the translation app's (cms/translation/status.py, shared with the admin
report); here it runs for the whole batch of objects of a type and locale at once.

`state` is the report's state of the translation (status.classify). The API serves only live
translations, so "missing" never applies here. "Awaiting review" says only that a version was
submitted to "Translation review" and waits for a reviewer: the object the API returns is still
the published version, and nothing of the submitted one (text, who, when) is given.
"""

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from cms.translation import status as states
from cms.translation.status import awaiting_review, classify, compute_statuses

from .context import context


@strawberry.enum(
    name="TranslationState",
    description="Where a translation stands against its source: the states of the CMS's "
    "translation report.",
)
class TranslationState(Enum):
    IN_PROGRESS = strawberry.enum_value(
        states.IN_PROGRESS, description="Some of the source's text is not translated yet."
    )
    AWAITING_REVIEW = strawberry.enum_value(
        states.AWAITING_REVIEW,
        description="A version was submitted for review and waits for a reviewer's approval: a "
        "new translation, or a newer version of a published one. The API serves the published "
        "version; nothing of the submitted one is public.",
    )
    MACHINE_TRANSLATED = strawberry.enum_value(
        states.MACHINE,
        description="Complete, with machine-translated text that no person has edited or "
        "approved yet.",
    )
    OUTDATED = strawberry.enum_value(
        states.OUTDATED,
        description="Complete, but the source changed after the translation took it in: it may "
        "not say everything the source now says.",
    )
    UP_TO_DATE = strawberry.enum_value(states.UP_TO_DATE, description="Complete and current.")


@strawberry.type(name="TranslationStatus", description="How complete and current a translation is.")
class TranslationStatusType:
    source_locale: str = strawberry.field(description="Language code of the source, e.g. 'en'.")
    percent_translated: int = strawberry.field(
        description="Share of the source's text segments translated, 0 to 100."
    )
    is_outdated: bool = strawberry.field(
        description="True when the source changed after this translation was last synced, or "
        "new source text waits for its translation: the page may be out of date."
    )
    is_machine_translated: bool = strawberry.field(
        description="True when some of the text was machine-translated and not yet edited by a "
        "person."
    )
    last_synced_at: datetime | None = strawberry.field(
        description="When the translation last took in the source's content."
    )
    state: TranslationState = strawberry.field(
        description="The one state of this translation, as the CMS's translation report shows "
        "it; when several apply, the first of: awaiting review, in progress, outdated, "
        "machine-translated, up to date."
    )


def _public(status: states.TranslationStatus, in_review: bool) -> TranslationStatusType:
    return TranslationStatusType(
        source_locale=status.source_locale,
        percent_translated=status.percent_translated,
        is_outdated=status.is_outdated,
        is_machine_translated=status.is_machine_translated,
        last_synced_at=status.last_synced_at,
        state=TranslationState(classify(status, in_review)[0]),
    )


def translation_status(info: Info, root) -> TranslationStatusType | None:
    def compute(objects, locale, fallback):
        statuses = compute_statuses(objects)
        in_review = awaiting_review([obj for obj in objects if statuses.get(obj.pk)])
        # None (not a translation) is kept, so the batch does not ask again for that object.
        return {
            pk: _public(status, pk in in_review) if status is not None else None
            for pk, status in statuses.items()
        }

    return context(info).batch("translation_status", root, compute)
