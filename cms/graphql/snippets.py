"""What every translatable snippet (Topic, Organisation, Award) has, declared once."""

import strawberry
from strawberry.types import Info

from .context import context
from .translation_status import TranslationStatusType, translation_status


@strawberry.interface(
    name="TranslatableSnippet",
    description="Fields every translatable snippet (topic, organisation, award) has.",
)
class TranslatableSnippetInterface:
    @strawberry.field(description="The snippet's id; differs per locale.")
    def id(self, root) -> strawberry.ID:
        return strawberry.ID(str(root.pk))

    @strawberry.field(description="Language code of this version.")
    def locale(self, root, info: Info) -> str:
        return context(info).locale_code(root.locale_id)

    @strawberry.field(description="True when this is the default-locale version instead.")
    def is_fallback(self, root, info: Info) -> bool:
        return root.locale_id != context(info).asked(root).locale.pk

    @strawberry.field(
        description="How complete and current this translation is; null for the source itself."
    )
    def translation_status(self, root, info: Info) -> TranslationStatusType | None:
        return translation_status(info, root)
