"""Objects in the reader's locale, visible ones only, in one query per batch."""

from collections.abc import Iterable

from django.db.models import Model
from django.utils import timezone
from strawberry.types import Info
from wagtail.models import Locale

from cms.db import precompiled

from .context import context


def localized(info: Info, model: type[Model], objects: Iterable, locale: Locale, fallback: bool):
    """Each object's visible version in `locale` (or, with fallback, in the default locale).

    Objects without a visible version disappear. The order of `objects` is kept.
    """
    return localized_keys(info, model, [obj.translation_key for obj in objects], locale, fallback)


def localized_keys(info: Info, model: type[Model], keys: list, locale: Locale, fallback: bool):
    """Like `localized`, from translation keys."""
    if not keys:
        return []
    ctx = context(info)
    now = timezone.now()
    found = {obj.translation_key: obj for obj in _visible_of_keys(ctx, model, locale, keys, now)}
    missing = [key for key in keys if key not in found]
    if fallback and missing and locale != ctx.default_locale:
        found.update(
            (obj.translation_key, obj)
            for obj in _visible_of_keys(ctx, model, ctx.default_locale, missing, now)
        )
    result = [found[key] for key in dict.fromkeys(keys) if key in found]
    return ctx.remember(result, locale, fallback)


def _visible_of_keys(ctx, model: type[Model], locale: Locale, keys: list, now) -> list:
    """The objects of `model` visible in `locale` at `now` with these translation keys; the SQL
    compiled once per process for the model, locale and site (cms/db/precompiled.py)."""
    return precompiled.run(
        ("visible by translation key", model, locale.pk, ctx.scope),
        lambda keys, now: ctx.visible(model, locale, now=now).filter(translation_key__any=keys),
        list(keys),
        now,
    )
