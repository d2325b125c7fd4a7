"""Related objects in the reader's locale, visible ones only, in one query per batch."""

from collections.abc import Iterable

from django.db.models import Model
from strawberry.types import Info
from wagtail.models import DraftStateMixin, Locale, Page

from cms.visibility import visible_pages, visible_snippets

from .context import context


def visible(info: Info, model: type[Model]):
    """The one visible queryset of a model: pages by the page rule, snippets when live."""
    queryset = model.objects.all()
    if issubclass(model, Page):
        ctx = context(info)
        return visible_pages(queryset, ctx.root_paths, ctx.restricted_paths)
    if issubclass(model, DraftStateMixin):
        return visible_snippets(queryset)
    return queryset


def localized(info: Info, model: type[Model], objects: Iterable, locale: Locale, fallback: bool):
    """Each object's visible version in `locale` (or, with fallback, in the default locale).

    Objects without a visible version disappear. The order of `objects` is kept.
    """
    return localized_keys(info, model, [obj.translation_key for obj in objects], locale, fallback)


def localized_keys(info: Info, model: type[Model], keys: list, locale: Locale, fallback: bool):
    """Like `localized`, from translation keys."""
    if not keys:
        return []
    found = {
        obj.translation_key: obj
        for obj in visible(info, model).filter(translation_key__in=keys, locale=locale)
    }
    default_locale = context(info).default_locale
    missing = [key for key in keys if key not in found]
    if fallback and missing and locale != default_locale:
        found.update(
            (obj.translation_key, obj)
            for obj in visible(info, model).filter(
                translation_key__in=missing, locale=default_locale
            )
        )
    result = [found[key] for key in dict.fromkeys(keys) if key in found]
    return context(info).remember(result, locale, fallback)
