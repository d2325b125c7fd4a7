"""The queryset behind every listing and detail query: visible, in the asked-for locale."""

from django.db.models import Q
from strawberry.types import Info

from .context import context
from .errors import ApiError
from .localize import visible
from .pages import find_page


def in_locale(info: Info, model, locale_code: str | None, fallback: bool):
    """Visible objects in the locale; with fallback, default-locale ones fill the gaps."""
    ctx = context(info)
    locale, default = ctx.locale(locale_code), ctx.default_locale
    queryset = visible(info, model)
    if fallback and locale != default:
        translated = visible(info, model).filter(locale=locale).values("translation_key")
        return queryset.filter(
            Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
        )
    return queryset.filter(locale=locale)


def find_typed_page(info: Info, model, *, path, id, locale, fallback):
    """One page of a given type; asking for another type by id or path is an error."""
    page = find_page(info, path=path, id=id, locale=locale, fallback=fallback)
    if page is not None and not isinstance(page, model):
        raise ApiError(
            f"Page {page.pk} is of type {type(page).__name__}, not {model.__name__}.",
            code="WRONG_PAGE_TYPE",
        )
    return page


def first_in_locale(info: Info, model, locale_code: str | None, fallback: bool):
    """The one object of a model per locale (an index page), or None."""
    objects = list(in_locale(info, model, locale_code, fallback)[:1])
    ctx = context(info)
    return ctx.remember(objects, ctx.locale(locale_code), fallback)[0] if objects else None
