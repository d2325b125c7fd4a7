"""The root schema: each app's Query merged, every page type registered for the Page interface."""

from django.utils import translation
from strawberry.tools import merge_types

# Field descriptions come from the models' help texts, which the admin translates (gettext_lazy):
# strawberry-django reads each one when the app's types are made, at import. The API is described
# in English whatever language is active when this module is first imported (a digest email
# rendering a link in Czech, say), so the SDL never depends on it.
with translation.override("en"):
    import cms.graphql.routing
    import cms.graphql.site
    import cms.translation.schema
    import events.schema
    import home.schema
    import people.schema
    import search.schema
from cms.graphql.descriptions import describe_filter_operators
from cms.graphql.documents import ValidationMemo
from cms.graphql.failures import ApiSchema, mask_errors
from cms.graphql.introspection import IntrospectionSwitch
from cms.graphql.lean import make_lean
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
        cms.translation.schema.Query,
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
# (cms/graphql/failures.py). No extension has a `resolve` hook, which strawberry would call
# around every field of every answer: relations are loaded in batches (cms/graphql/relations.py)
# and listings are plain querysets, so strawberry-django's optimizer, such a hook, had nothing
# left to plan.
schema = ApiSchema(
    query=Query,
    types=PAGE_TYPES,
    extensions=[
        # Size, tokens, depth, aliases, fields, cost and input lists of a document, checked in
        # linear time before validation and execution (cms/graphql/limits.py, GRAPHQL_LIMITS).
        # Relations can nest without end (subEvents { parentEvent { subEvents … } }).
        QueryLimits,
        # `__schema`/`__type` refused (INTROSPECTION_DISABLED) when GRAPHQL_INTROSPECTION is off.
        IntrospectionSwitch,
        # A document is validated once per process for the rules in force (QueryLimits parses
        # it once): cms/graphql/documents.py.
        ValidationMemo,
        # Unexpected errors are masked as "Internal server error."; a database outage keeps the
        # code SERVICE_UNAVAILABLE, which the view answers with HTTP 503.
        mask_errors,
    ],
)

# Model columns and argument-less resolvers skip strawberry's per-field chain (cms/graphql/lean.py).
LEAN_FIELDS = make_lean(schema)
