"""Introspection on or off: settings.GRAPHQL_INTROSPECTION (docs/deployment.md).

On by default: the frontends generate their TypeScript types from the schema, and the schema is
public anyway (`schema.graphql` in the repository). Off, a document that selects `__schema` or
`__type` (or anything below them) fails validation with the code INTROSPECTION_DISABLED;
`__typename` is still allowed (clients need it for unions and interfaces). The setting is read
at each request.
"""

from collections.abc import Iterator
from typing import Any

from django.conf import settings
from graphql import FieldNode, GraphQLError, get_named_type, is_introspection_type
from graphql.validation import ValidationRule
from strawberry.extensions import SchemaExtension

INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"


def introspection_enabled() -> bool:
    return getattr(settings, "GRAPHQL_INTROSPECTION", True)


class NoIntrospection(ValidationRule):
    """graphql-core's NoSchemaIntrospectionCustomRule, reported once per root field, with a code."""

    def enter_field(self, node: FieldNode, *_args: Any) -> Any:
        type_ = get_named_type(self.context.get_type())
        if type_ and is_introspection_type(type_):
            self.report_error(
                GraphQLError(
                    f"Introspection is disabled on this server; the query asks for "
                    f"'{node.name.value}' (GRAPHQL_INTROSPECTION).",
                    node,
                    extensions={"code": INTROSPECTION_DISABLED},
                )
            )
            return self.SKIP  # nothing below it is reported again
        return None


class IntrospectionSwitch(SchemaExtension):
    """Adds NoIntrospection to the validation rules when GRAPHQL_INTROSPECTION is off."""

    def on_operation(self) -> Iterator[None]:
        if not introspection_enabled():
            context = self.execution_context
            context.validation_rules = (*context.validation_rules, NoIntrospection)
        yield
