"""A document is parsed and validated once per process, not at every request.

Frontends send the same few documents over and over; parsing and validating one (graphql-core's
full set of rules) cost more than resolving a small answer. The parsed tree depends only on the
text and the token limit, and validation only on the schema, the tree and the rules in force
(IntrospectionSwitch adds one when introspection is off), so both are kept, a bounded number of
each (least recently used go first): a client sending ever new documents only evicts, it gains
nothing. Nothing changes a tree once parsed: validation and execution only read it. Documents
over the limits are refused before they are parsed (cms/graphql/limits.py) and syntax errors are
not kept.
"""

import functools
from collections.abc import Iterator

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

MAX_DOCUMENTS = 128


@functools.lru_cache(maxsize=MAX_DOCUMENTS)
def parsed(query: str, max_tokens: int) -> DocumentNode:
    """graphql-core's parse; raises its GraphQLError as parse does (errors are not kept)."""
    return parse(query, max_tokens=max_tokens)


class _Same:
    """A key that is equal only to the very same object (hashing a tree would walk it)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.value is self.value


@functools.lru_cache(maxsize=MAX_DOCUMENTS)
def _validated(schema: _Same, document: _Same, rules: tuple) -> tuple[GraphQLError, ...]:
    # The key keeps the tree alive, so its id is not reused while it is kept.
    return tuple(validate_document(schema.value, document.value, rules))


def validated(schema: GraphQLSchema, document: DocumentNode, rules) -> list[GraphQLError]:
    """strawberry's validate_document, kept per (schema, tree, rules)."""
    return list(_validated(_Same(schema), _Same(document), tuple(rules)))


class ValidationMemo(SchemaExtension):
    """Validation from `validated`; strawberry then skips its own (it validates only when no
    extension has given the errors)."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.validation_rules:
            context.pre_execution_errors = validated(
                context.schema._schema, context.graphql_document, context.validation_rules
            )
        yield
