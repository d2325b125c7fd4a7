"""The queryset behind every listing and detail query (visible, in the asked-for locale), and
the root fields built on it, made by one function per kind of field for every type."""

from collections.abc import Callable

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry.types import Info
from strawberry_django.utils.typing import get_django_definition

from .context import context
from .errors import ApiError, parse_id
from .localize import localized
from .pages import find_page
from .pagination import Paginated


def in_locale(info: Info, model, locale_code: str | None, fallback: bool):
    """Visible objects in the locale; with fallback, default-locale ones fill the gaps."""
    ctx = context(info)
    return ctx.visible(model, ctx.locale(locale_code), fallback)


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


# --- root fields, made the same way for every type ---------------------------------------------

OrderBy = Callable[[QuerySet], QuerySet]


def listing(node, model, *, order_by: OrderBy, description: str, filters=None, ordering=None):
    """A paginated root listing (`events`, `topics`…): visible objects in `locale`.

    `order_by` gives the default order; a client's `ordering` replaces it.
    """

    def resolve(info: Info, locale: str | None = None, fallback: bool = False) -> QuerySet:
        # Filters across inline relations (topics with OR) could repeat objects: the page of
        # results is made distinct then, and only then (Paginated.resolve_paginated).
        return order_by(in_locale(info, model, locale, fallback))

    return strawberry_django.offset_paginated(
        Paginated[node], filters=filters, ordering=ordering, description=description
    )(resolve)


def page_by_path_or_id(node, model, *, description: str):
    """One page of a type by `path` or `id` (`event`, `person`…), in `locale`."""

    def resolve(
        info: Info,
        path: str | None = None,
        id: strawberry.ID | None = None,
        locale: str | None = None,
        fallback: bool = True,
    ) -> node | None:
        return find_typed_page(info, model, path=path, id=id, locale=locale, fallback=fallback)

    return strawberry_django.field(resolve, description=description)


def one_per_locale(node, model, *, description: str):
    """The one page of a type in a locale (`home`, `eventIndex`…)."""

    def resolve(info: Info, locale: str | None = None, fallback: bool = True) -> node | None:
        return first_in_locale(info, model, locale, fallback)

    return strawberry_django.field(resolve, description=description)


def snippet_by_id(node, model, *, description: str):
    """One snippet by its id in any locale (`organisation`, `award`), given in `locale`."""

    def resolve(
        info: Info, id: strawberry.ID, locale: str | None = None, fallback: bool = True
    ) -> node | None:
        target_locale = context(info).locale(locale)  # an unknown locale is an error first
        source = model.objects.filter(pk=parse_id(id, "ids")).first()
        if source is None:
            return None
        found = localized(info, model, [source], target_locale, fallback)
        return found[0] if found else None

    return strawberry_django.field(resolve, description=description)


def model_of(node) -> type:
    """The Django model a strawberry-django type is made from."""
    return get_django_definition(node, strict=True).model


def page_queries(
    node, index_node, *, order_by: OrderBy, description: str, item: str = "", **listing_options
):
    """The three root fields of a page type with its own index page: the listing
    (`events`), one by path or id (`event`) and the index page (`eventIndex`).

    `item` names one page in the descriptions (default: the model's name without " page").
    """
    model, index_model = model_of(node), model_of(index_node)
    name = item or model._meta.verbose_name.removesuffix(" page")
    return (
        listing(node, model, order_by=order_by, description=description, **listing_options),
        page_by_path_or_id(
            node,
            model,
            description=f"One {name} by `path` or `id`, in the asked-for locale (the "
            "default-locale version, flagged isFallback, when it is not translated, unless "
            "`fallback: false`).",
        ),
        one_per_locale(
            index_node,
            index_model,
            description=f"The {index_model._meta.verbose_name} of the asked-for locale.",
        ),
    )


def snippet_queries(node, *, description: str, **listing_options):
    """The two root fields of a snippet type: the listing by name (`awards`) and one by id
    (`award`)."""
    model = model_of(node)
    return (
        listing(
            node,
            model,
            order_by=lambda snippets: snippets.order_by("name"),
            description=description,
            **listing_options,
        ),
        snippet_by_id(
            node,
            model,
            description=f"One {model._meta.verbose_name} by id (of any locale), in the "
            "asked-for locale.",
        ),
    )
