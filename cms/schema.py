"""The root schema: each app's Query merged, every page type registered for the Page interface."""

import strawberry
from strawberry.extensions import MaskErrors
from strawberry.tools import merge_types
from strawberry_django.optimizer import DjangoOptimizerExtension

import cms.graphql.routing
import cms.graphql.site
import events.schema
import home.schema
import people.schema
import search.schema
from cms.graphql.descriptions import describe_filter_operators
from cms.graphql.errors import is_unexpected
from cms.graphql.limits import QueryLimits
from cms.graphql.streamfield import BodyBlock  # noqa: F401  (registers the shared blocks)

describe_filter_operators(
    home.schema.NewsFilter,
    events.schema.EventFilter,
    people.schema.PersonFilter,
    people.schema.OrganisationFilter,
)

Query = merge_types(
    "Query",
    (
        cms.graphql.site.Query,
        home.schema.Query,
        events.schema.Query,
        people.schema.Query,
        cms.graphql.routing.Query,
        search.schema.Query,
    ),
)

PAGE_TYPES = [
    home.schema.HomePage,
    home.schema.StandardPage,
    home.schema.NewsIndexPage,
    home.schema.NewsPage,
    events.schema.EventIndexPage,
    events.schema.EventPage,
    people.schema.PeopleIndexPage,
    people.schema.PersonPage,
]

schema = strawberry.Schema(
    query=Query,
    types=PAGE_TYPES,
    extensions=[
        # Relations are loaded in batches (cms/graphql/relations.py); the optimizer still plans
        # the listing querysets, but must not defer model fields those batches read.
        lambda: DjangoOptimizerExtension(enable_only_optimization=False),
        # Size, tokens, depth, aliases, fields, cost and input lists of a document, checked in
        # linear time before validation and execution (cms/graphql/limits.py, GRAPHQL_LIMITS).
        # Relations can nest without end (subEvents { parentEvent { subEvents … } }).
        QueryLimits,
        lambda: MaskErrors(should_mask_error=is_unexpected, error_message="Internal server error."),
    ],
)
