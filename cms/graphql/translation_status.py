"""`translationStatus` of pages and snippets: is this translation complete and current?

The computation is the translation app's (cms/translation/status.py, shared with the admin
report); here it runs for the whole batch of objects of a type and locale at once.
"""

from datetime import datetime

import strawberry
from strawberry.types import Info

from cms.translation.status import compute_statuses

from .context import context


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


def translation_status(info: Info, root) -> TranslationStatusType | None:
    def compute(objects, locale, fallback):
        return compute_statuses(objects)

    return context(info).batch("translation_status", root, compute)
