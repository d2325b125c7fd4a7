"""Fields every translatable snippet type shares."""

import strawberry
from strawberry.types import Info

from .context import asked_locale, context


def snippet_id(root) -> strawberry.ID:
    return strawberry.ID(str(root.pk))


def snippet_locale(root, info: Info) -> str:
    return context(info).locale_code(root.locale_id)


def snippet_is_fallback(root) -> bool:
    return root.locale_id != asked_locale(root).pk
