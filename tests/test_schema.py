"""The API contract: the committed SDL is the schema, and everything in it is described."""

from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLUnionType,
)
from strawberry.printer import print_schema

from cms.schema import schema

SDL_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"
BUILT_IN = {"Query"}


def test_committed_sdl_matches_the_schema():
    assert SDL_FILE.read_text(encoding="utf-8") == print_schema(schema), (
        "schema.graphql is out of date: run `make schema` and commit the result."
    )


def own_types():
    graphql_schema = schema._schema
    return [
        named
        for name, named in graphql_schema.type_map.items()
        if not name.startswith("__")
        and isinstance(
            named,
            GraphQLObjectType
            | GraphQLInterfaceType
            | GraphQLUnionType
            | GraphQLEnumType
            | GraphQLInputObjectType,
        )
    ]


@pytest.mark.parametrize("graphql_type", own_types(), ids=lambda t: t.name)
def test_every_type_and_field_has_a_description(graphql_type):
    if graphql_type.name not in BUILT_IN:
        assert graphql_type.description, f"type {graphql_type.name} has no description"
    fields = getattr(graphql_type, "fields", {}) or {}
    missing = [name for name, field in fields.items() if not field.description]
    assert missing == [], f"{graphql_type.name} fields without description: {missing}"
