"""Images and documents as the public sees them, with renditions limited to an allowlist.

Reading never makes a rendition (cms/renditions.py): a missing one is given as the URL of the
on-demand view, with the size it will have, and is made in the background.
"""

import strawberry
import strawberry_django
from django.conf import settings
from wagtail.documents.models import Document
from wagtail.images.models import Image

from cms.renditions import allowed_rendition_specs as allowed_rendition_specs  # the demo's import
from cms.renditions import public_rendition

from .errors import RenditionNotAllowed


def filter_spec(spec: str, fmt: str | None) -> str:
    if spec not in settings.IMAGE_RENDITION_SPECS:
        allowed = ", ".join(settings.IMAGE_RENDITION_SPECS)
        raise RenditionNotAllowed(f"Rendition {spec!r} is not offered; use one of: {allowed}.")
    return spec if fmt is None else f"{spec}|format-{checked_format(fmt)}"


def checked_format(fmt: str) -> str:
    if fmt not in settings.IMAGE_FORMATS:
        allowed = ", ".join(settings.IMAGE_FORMATS)
        raise RenditionNotAllowed(f"Format {fmt!r} is not offered; use one of: {allowed}.")
    return fmt


@strawberry.type(description="A resized version of an image.")
class Rendition:
    url: str = strawberry.field(description="Address of the resized file.")
    width: int = strawberry.field(description="Width in pixels.")
    height: int = strawberry.field(description="Height in pixels.")


@strawberry.type(description="The part of the image that must stay visible when it is cropped.")
class FocalPoint:
    x: int = strawberry.field(description="Centre, pixels from the left.")
    y: int = strawberry.field(description="Centre, pixels from the top.")
    width: int = strawberry.field(description="Width of the area in pixels.")
    height: int = strawberry.field(description="Height of the area in pixels.")


def to_rendition(rendition) -> Rendition:
    return Rendition(url=rendition.url, width=rendition.width, height=rendition.height)


@strawberry_django.type(Image, name="Image", description="A picture from the media library.")
class ImageType:
    title: str = strawberry_django.field(description="The image's title in the media library.")
    width: int = strawberry_django.field(description="Width of the original in pixels.")
    height: int = strawberry_django.field(description="Height of the original in pixels.")

    @strawberry_django.field(description="The image's id.")
    def id(self, root: Image) -> strawberry.ID:
        return strawberry.ID(str(root.pk))

    @strawberry_django.field(
        description="Alternative text for people who cannot see the image; the title when the "
        "library gives no description."
    )
    def alt_text(self, root: Image) -> str:
        return root.description or root.title

    @strawberry_django.field(description="The area that must stay visible in crops, if set.")
    def focal_point(self, root: Image) -> FocalPoint | None:
        if root.focal_point_x is None:
            return None
        return FocalPoint(
            x=root.focal_point_x,
            y=root.focal_point_y,
            width=root.focal_point_width,
            height=root.focal_point_height,
        )

    @strawberry_django.field(
        description="A resized version. `spec` is one of the offered specs (IMAGE_RENDITION_SPECS, "
        "e.g. 'fill-480x270' or 'width-800'); `format` one of the offered formats, e.g. 'webp'.",
    )
    def rendition(self, root: Image, spec: str, format: str | None = None) -> Rendition:
        return to_rendition(public_rendition(root, filter_spec(spec, format)))

    @strawberry_django.field(
        description="A srcset attribute value ('url 480w, url 960w') for the given widths "
        "(from IMAGE_SRCSET_WIDTHS; all of them when omitted) in the given format.",
    )
    def src_set(self, root: Image, widths: list[int] | None = None, format: str = "webp") -> str:
        fmt = checked_format(format)
        widths = widths or settings.IMAGE_SRCSET_WIDTHS
        for width in widths:
            if width not in settings.IMAGE_SRCSET_WIDTHS:
                allowed = ", ".join(map(str, settings.IMAGE_SRCSET_WIDTHS))
                raise RenditionNotAllowed(f"Width {width} is not offered; use any of: {allowed}.")
        renditions = [public_rendition(root, f"width-{w}|format-{fmt}") for w in widths]
        # Renditions are never enlarged: a small image gives the same width more than once, and
        # a srcset must not repeat a width descriptor.
        by_width = {}
        for rendition in renditions:
            by_width.setdefault(rendition.width, rendition)
        return ", ".join(f"{r.url} {width}w" for width, r in sorted(by_width.items()))


@strawberry_django.type(Document, name="Document", description="A file to download.")
class DocumentType:
    title: str = strawberry_django.field(description="The document's title.")

    @strawberry_django.field(description="The document's id.")
    def id(self, root: Document) -> strawberry.ID:
        return strawberry.ID(str(root.pk))

    @strawberry_django.field(description="Address to download the file.")
    def url(self, root: Document) -> str:
        return root.url

    @strawberry_django.field(description="File extension, e.g. 'pdf'.")
    def file_extension(self, root: Document) -> str:
        return root.file_extension

    @strawberry_django.field(description="File size in bytes, when known.")
    def file_size(self, root: Document) -> int | None:
        return root.file_size
