"""The root schema: each app's Query merged, every page type registered for the Page interface."""

from strawberry.tools import merge_types
from strawberry_django.optimizer import DjangoOptimizerExtension

import cms.graphql.routing
import cms.graphql.site
import events.schema
import home.schema
import people.schema
import search.schema
from cms.graphql.descriptions import describe_filter_operators
from cms.graphql.failures import ApiSchema, mask_errors
from cms.graphql.introspection import IntrospectionSwitch
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

# ApiSchema logs client errors at WARNING in one line and bugs at ERROR with their traceback
# (cms/graphql/failures.py).
schema = ApiSchema(
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
        # `__schema`/`__type` refused (INTROSPECTION_DISABLED) when GRAPHQL_INTROSPECTION is off.
        IntrospectionSwitch,
        # Unexpected errors are masked as "Internal server error."; a database outage keeps the
        # code SERVICE_UNAVAILABLE, which the view answers with HTTP 503.
        mask_errors,
    ],
)
