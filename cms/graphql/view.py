from django.conf import settings
from strawberry.django.views import GraphQLView as StrawberryView

from .context import Context


class GraphQLView(StrawberryView):
    """POST with JSON and GET for queries; GraphiQL only when DEBUG."""

    allow_queries_via_get = True

    def __init__(self, **kwargs):
        kwargs.setdefault("graphql_ide", "graphiql" if settings.DEBUG else None)
        super().__init__(**kwargs)

    def get_context(self, request, response) -> Context:
        return Context(request=request, response=response)
