"""Offset pagination with the limits stated: 20 items by default, at most 100, never negative."""

from typing import Generic, TypeVar

import strawberry
import strawberry_django
from django.conf import settings
from django.db.models import Q, QuerySet
from strawberry.types import Info
from strawberry_django.pagination import (
    OffsetPaginated,
    OffsetPaginationInfo,
    OffsetPaginationInput,
)

from . import descriptions  # noqa: F401  (documents strawberry-django's own types)
from .context import context
from .errors import InvalidArgument, PageSizeTooLarge

NodeType = TypeVar("NodeType")


def check_pagination(pagination: OffsetPaginationInput | None) -> OffsetPaginationInput:
    pagination = pagination or OffsetPaginationInput()
    limits = settings.STRAWBERRY_DJANGO
    if pagination.offset < 0:
        raise InvalidArgument(f"offset must be 0 or more, not {pagination.offset}.")
    limit = pagination.limit
    if limit is None or limit is strawberry.UNSET:
        pagination.limit = limits["PAGINATION_DEFAULT_LIMIT"]
    elif limit < 1:
        raise InvalidArgument(f"limit must be at least 1, not {limit}.")
    elif limit > limits["PAGINATION_MAX_LIMIT"]:
        raise PageSizeTooLarge(
            f"limit {limit} is more than the maximum page size of "
            f"{limits['PAGINATION_MAX_LIMIT']}; ask for the rest with offset."
        )
    return pagination


def distinct_if_needed(queryset: QuerySet) -> QuerySet:
    """The queryset, made DISTINCT when a join of its filters can repeat a row (through a
    reverse foreign key or a many-to-many: a listing filtered by topics).

    Not always: DISTINCT over every column makes PostgreSQL read, sort and compare every
    matching row (StreamField bodies included) before it can stop at the page's last item, so
    a listing's cost would grow with the number of pages instead of the page size.
    """
    if queryset.query.distinct:
        return queryset
    for join in queryset.query.alias_map.values():
        field = getattr(join, "join_field", None)
        if getattr(field, "one_to_many", False) or getattr(field, "many_to_many", False):
            return queryset.distinct()
    return queryset


# --- an order that one ORDER BY cannot take from an index ---------------------------------------

# Set on the queryset's Query, which Django copies into every clone (filters, distinct), so the
# parts survive strawberry-django's filters; a client's `ordering` replaces the ORDER BY, and the
# parts are then ignored.
PARTS_ATTRIBUTE = "ordered_parts"


def ordered_in_parts(queryset: QuerySet, parts: list[tuple[Q, tuple]]) -> QuerySet:
    """`queryset`, whose own ORDER BY lists the rows of `parts` in sequence (the rows that match
    the first part's condition in its order, then the second's…), paged part by part.

    The events' default order (upcoming soonest first, then past latest first) is an ORDER BY
    over CASE expressions: PostgreSQL must read and sort every event of the locale to give the
    first 20, so a listing would cost more with every event ever held. Each part alone (`end >=
    now` by start, `end < now` by start descending) is read from the index on start, stopping
    at the page's last item. The conditions must not overlap, and together cover every row.
    """
    setattr(queryset.query, PARTS_ATTRIBUTE, (tuple(queryset.query.order_by), tuple(parts)))
    return queryset


def parts_of(queryset: QuerySet):
    """The parts of `ordered_in_parts`, or None when the queryset is ordered otherwise now."""
    found = getattr(queryset.query, PARTS_ATTRIBUTE, None)
    if found is None or tuple(queryset.query.order_by) != found[0]:
        return None
    return found[1]


def page_in_parts(queryset: QuerySet, parts, offset: int, limit: int) -> list:
    """One page of a queryset ordered in parts: a query per part the page touches, and a count
    of each part the offset skips whole (none while the page lies in the first part)."""
    items = []
    skip = offset
    for condition, order in parts:
        if len(items) == limit:
            break
        part = queryset.filter(condition).order_by(*order)
        rows = list(part[skip : skip + limit - len(items)])
        items += rows
        if rows:
            skip = 0  # the page goes on at the beginning of the next part
        elif skip:
            skip -= part.count()  # the whole part lies before the page
    return items


@strawberry.type(description="One page of a listing.")
class Paginated(OffsetPaginated[NodeType], Generic[NodeType]):
    locale_code: strawberry.Private[str | None] = None
    fallback: strawberry.Private[bool] = False

    @classmethod
    def resolve_paginated(cls, queryset, *, info: Info, pagination=None, **kwargs):
        return cls(
            queryset=distinct_if_needed(queryset),
            pagination=check_pagination(pagination),
            locale_code=kwargs.get("locale"),
            fallback=bool(kwargs.get("fallback")),
        )

    @strawberry_django.field(description="The offset and limit this page was built with.")
    def page_info(self) -> OffsetPaginationInfo:
        return OffsetPaginationInfo(limit=self.pagination.limit, offset=self.pagination.offset)

    def get_paginated_queryset(self):
        parts = parts_of(self.queryset) if self.queryset is not None else None
        if parts is None:
            return super().get_paginated_queryset()
        return page_in_parts(self.queryset, parts, self.pagination.offset, self.pagination.limit)

    @strawberry_django.field(description="The items of this page of the listing.")
    def results(self, info: Info) -> list[NodeType]:
        items = list(self.get_paginated_queryset() or [])
        ctx = context(info)
        return ctx.remember(items, ctx.locale(self.locale_code), self.fallback)
