"""StreamField as typed GraphQL unions: one object type per block, one union per stream block.

Each block class has an adapter that knows its GraphQL type, which references its stored value
holds (collect) and how to build the GraphQL object once those are fetched (build). Apps register
adapters for their own blocks. Content is read from the stored JSON, so no block runs a query of
its own; the references of every page in the batch are fetched together.
"""

import dataclasses
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Union

import strawberry
from strawberry.types import Info
from wagtail import blocks as wagtail_blocks

from cms import blocks

from .images import DocumentType, ImageType
from .pages import PageLink, page_link
from .references import References
from .richtext import collect_rich_text, render_rich_text


@dataclass
class BlockAdapter:
    graphql_type: type
    collect: Callable[[Any, References], None]
    build: Callable[[str, Any, References], Any]


ADAPTERS: dict[type, BlockAdapter] = {}


def register_block(block_class: type, graphql_type: type, collect=None, build=None):
    ADAPTERS[block_class] = BlockAdapter(
        graphql_type=graphql_type,
        collect=collect or (lambda value, refs: None),
        build=build,
    )


def adapter_for(block) -> BlockAdapter:
    for cls in type(block).__mro__:
        if cls in ADAPTERS:
            return ADAPTERS[cls]
    raise TypeError(f"No GraphQL adapter is registered for {type(block).__name__}")


def stream_union(name: str, stream_block: wagtail_blocks.StreamBlock, description: str):
    """The GraphQL union of the blocks a stream block may hold."""
    types = tuple(
        dict.fromkeys(adapter_for(b).graphql_type for b in stream_block.child_blocks.values())
    )
    return Annotated[Union[types], strawberry.union(name, description=description)]  # noqa: UP007


def list_items(raw_list) -> list:
    """ListBlock values are stored as [{type: 'item', value, id}] (or plain values, before 2.16)."""
    return [
        item["value"] if isinstance(item, dict) and "value" in item else item for item in raw_list
    ]


def convert_streams(info: Info, pages: list, field_name: str, locale, fallback) -> dict:
    """{page pk: [GraphQL block objects]} for a StreamField of many pages at once."""
    refs = References(info, locale, fallback)
    streams = {}
    for page in pages:
        field = getattr(page, field_name)
        stream_block = field.stream_block
        items = []
        for raw in field.raw_data:
            child = stream_block.child_blocks.get(raw["type"])
            if child is None:  # a block type removed from the code since the content was saved
                continue
            adapter = adapter_for(child)
            adapter.collect(raw["value"], refs)
            items.append((adapter, raw))
        streams[page.pk] = items
    refs.fetch()
    return {
        pk: [
            block
            for adapter, raw in items
            if (block := adapter.build(raw.get("id") or "", raw["value"], refs)) is not None
        ]
        for pk, items in streams.items()
    }


# --- the shared blocks of cms/blocks.py -------------------------------------------------------


@strawberry.interface(description="What every block of a StreamField has.")
class StreamBlock:
    id: strawberry.ID = strawberry.field(
        description="The block's id, stable across edits (a key for the frontend's list)."
    )


def adapts(block_class: type, collect=None, build=None, defaults: dict | None = None):
    """Register the decorated GraphQL type for a block class (see register_block).

    By default the block's stored struct value is copied into the type's fields by name: an
    image or document field gets the fetched object its id points at (collected first), any
    other an empty value replaced by its `defaults` entry (or "").
    """

    def register(graphql_type):
        fields = _fields(graphql_type)
        register_block(
            block_class,
            graphql_type,
            collect or _collector(fields),
            build or _copier(graphql_type, fields, defaults or {}),
        )
        return graphql_type

    return register


# A field of these types holds the id of an object fetched in bulk: (collect, look up) methods.
REFERENCES = {ImageType: ("add_image", "image"), DocumentType: ("add_document", "document")}


def _fields(graphql_type) -> dict[str, tuple[str, str] | None]:
    """{field name: its REFERENCES entry or None} of a block type, without `id`."""
    hints = typing.get_type_hints(graphql_type)
    return {
        field.name: _reference(hints[field.name])
        for field in dataclasses.fields(graphql_type)
        if field.name != "id"
    }


def _reference(hint) -> tuple[str, str] | None:
    """The REFERENCES entry of a field's type (`ImageType | None` included), or None."""
    return next((REFERENCES[t] for t in (hint, *typing.get_args(hint)) if t in REFERENCES), None)


def _collector(fields: dict):
    references = {name: methods[0] for name, methods in fields.items() if methods}

    def collect(value, refs):
        for name, add in references.items():
            getattr(refs, add)(value.get(name))

    return collect


def _copier(graphql_type, fields: dict, defaults: dict):
    def build(block_id, value, refs):
        values = {
            name: getattr(refs, methods[1])(value.get(name))
            if methods
            else value.get(name) or defaults.get(name, "")
            for name, methods in fields.items()
        }
        return graphql_type(id=block_id, **values)

    return build


@adapts(blocks.HeadingBlock, defaults={"level": "h2"})
@strawberry.type(description="A section heading.")
class HeadingBlock(StreamBlock):
    text: str = strawberry.field(description="The heading's text.")
    level: str = strawberry.field(description="Outline level: 'h2', 'h3' or 'h4'.")


@adapts(
    blocks.ParagraphBlock,
    collect=collect_rich_text,
    build=lambda block_id, value, refs: ParagraphBlock(
        id=block_id, html=render_rich_text(value, refs)
    ),
)
@strawberry.type(description="Running text as HTML, with internal links resolved.")
class ParagraphBlock(StreamBlock):
    html: str = strawberry.field(
        description="HTML. Page links point at the page's path in the asked-for locale; document "
        "links at the file; images are <img> renditions with width, height and alt."
    )


@adapts(blocks.CaptionedImageBlock)
@strawberry.type(description="An image with its alternative text and caption.")
class ImageBlock(StreamBlock):
    image: ImageType | None = strawberry.field(description="The picture (null if deleted).")
    alt_text: str = strawberry.field(description="Alternative text written for this use.")
    caption: str = strawberry.field(description="Caption shown under the image; may be empty.")
    credit: str = strawberry.field(description="Photographer or source; may be empty.")


@adapts(blocks.QuoteBlock)
@strawberry.type(description="A pull quote.")
class QuoteBlock(StreamBlock):
    text: str = strawberry.field(description="The quoted words.")
    attribution: str = strawberry.field(description="Who said it; may be empty.")


@adapts(
    blocks.VideoEmbedBlock,
    build=lambda block_id, value, refs: EmbedBlock(id=block_id, url=value or ""),
)
@strawberry.type(description="An external video or post, to embed by its URL.")
class EmbedBlock(StreamBlock):
    url: str = strawberry.field(description="The address of the video or post.")


def _build_call_to_action(block_id, value, refs):
    page = refs.page(value.get("page"))
    return CallToActionBlock(
        id=block_id,
        text=value.get("text") or "",
        page=page_link(refs.info, page) if page else None,
        external_url=value.get("url") or None,
    )


@adapts(
    blocks.CallToActionBlock,
    collect=lambda value, refs: refs.add_page(value.get("page")),
    build=_build_call_to_action,
)
@strawberry.type(description="A prominent link to a page of the site or to an external address.")
class CallToActionBlock(StreamBlock):
    text: str = strawberry.field(description="The button label.")
    page: PageLink | None = strawberry.field(
        description="The linked page in the asked-for locale; null when it is an external link "
        "or the page is not visible."
    )
    external_url: str | None = strawberry.field(
        description="The external address, if one was given instead of a page."
    )


def _build_document(block_id, value, refs):
    document = refs.document(value.get("document"))
    title = value.get("title") or (document.title if document else "")
    return DocumentBlock(id=block_id, document=document, title=title)


@adapts(blocks.DocumentLinkBlock, build=_build_document)
@strawberry.type(description="A link to download a document.")
class DocumentBlock(StreamBlock):
    document: DocumentType | None = strawberry.field(description="The file (null if deleted).")
    title: str = strawberry.field(description="Link text; the document's title when not set.")


BodyBlock = stream_union(
    "BodyBlock", blocks.BaseStreamBlock(), "A block of a page body (the shared block library)."
)
