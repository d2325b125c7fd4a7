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


PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "NewsIndexPage",
    "NewsPage",
    "EventIndexPage",
    "EventPage",
    "PeopleIndexPage",
    "PersonPage",
]
SNIPPET_TYPES = ["Topic", "Organisation", "Award"]


def implementations(interface: str) -> list[str]:
    graphql_schema = schema._schema
    return sorted(
        named.name
        for named in graphql_schema.type_map.values()
        if isinstance(named, GraphQLObjectType)
        and interface in [implemented.name for implemented in named.interfaces]
    )


def test_what_every_page_has_is_declared_once_on_the_page_interface():
    page = schema._schema.type_map["Page"]
    assert {"id", "path", "locale", "isFallback", "translations", "translationStatus"} <= set(
        page.fields
    )
    assert implementations("Page") == sorted(PAGE_TYPES)


def test_what_every_translatable_snippet_has_is_declared_once_on_its_interface():
    snippet = schema._schema.type_map["TranslatableSnippet"]
    assert set(snippet.fields) == {"id", "locale", "isFallback", "translationStatus"}
    assert implementations("TranslatableSnippet") == sorted(SNIPPET_TYPES)


def test_every_stream_block_has_an_id_through_its_interface():
    blocks = implementations("StreamBlock")
    assert blocks == sorted(
        [
            "AgendaItemBlock",
            "CallToActionBlock",
            "DocumentBlock",
            "EmbedBlock",
            "HeadingBlock",
            "ImageBlock",
            "ParagraphBlock",
            "QuoteBlock",
        ]
    )
