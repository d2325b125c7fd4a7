"""Descriptions for the types strawberry-django contributes, so the whole SDL is documented."""

from strawberry_django.ordering import Ordering
from strawberry_django.pagination import OffsetPaginationInfo, OffsetPaginationInput

FILTER_OPERATORS = {
    "AND": "All of these filters must match as well.",
    "OR": "Either these filters or the others must match.",
    "NOT": "These filters must not match.",
    "DISTINCT": "Remove duplicate results.",
}


def _describe(cls, description: str, fields: dict[str, str]):
    definition = cls.__strawberry_definition__
    definition.description = description
    for field in definition.fields:
        if field.python_name in fields:
            field.description = fields[field.python_name]


_describe(
    OffsetPaginationInput,
    "Which part of a listing to return.",
    {
        "offset": "How many items to skip (0 or more).",
        "limit": "How many items (1 to 100, 20 when omitted).",
    },
)
_describe(
    OffsetPaginationInfo,
    "The part of the listing returned.",
    {"offset": "Items skipped.", "limit": "Items asked for."},
)
Ordering.__strawberry_definition__.description = "Sort direction, and where empty values go."


def describe_filter_operators(*filter_types):
    for filter_type in filter_types:
        for field in filter_type.__strawberry_definition__.fields:
            if field.name in FILTER_OPERATORS and not field.description:
                field.description = FILTER_OPERATORS[field.name]
