"""Offset pagination with the limits stated: 20 items by default, at most 100, never negative."""

from typing import Generic, TypeVar

import strawberry
import strawberry_django
from django.conf import settings
from django.db.models import QuerySet
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

    @strawberry_django.field(description="The items of this page of the listing.")
    def results(self, info: Info) -> list[NodeType]:
        items = list(self.get_paginated_queryset() or [])
        ctx = context(info)
        return ctx.remember(items, ctx.locale(self.locale_code), self.fallback)
