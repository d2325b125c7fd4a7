"""Placeholder pictures and documents drawn locally with Pillow, so the demo needs no download.

The files are the same on every build (no timestamps in them), so sizes the API reports and the
documented examples quote do not change.
"""

import io
import unicodedata

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents.models import Document
from wagtail.images.models import Image

BANNER = (1600, 900)
SQUARE = (800, 800)
A4_PAGE = (595, 842)
DOCUMENT_PAPER = (250, 250, 250)
DOCUMENT_INK = (17, 69, 126)


def _picture(size: tuple[int, int], colour: tuple[int, int, int], label: str) -> PILImage.Image:
    width, height = size
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    # A diagonal band in the network's colours (Czech blue, Ukrainian yellow) marks a placeholder.
    draw.polygon(
        [(0, height), (width // 2, 0), (width // 2 + 120, 0), (120, height)], (17, 69, 126)
    )
    draw.polygon(
        [(width // 2, height), (width, 0), (width, 120), (width // 2 + 120, height)], (255, 213, 0)
    )
    _label(draw, size, label, font_size=max(24, width // 22), fill=(255, 255, 255))
    return picture


def _drawable(label: str) -> str:
    """The label in the characters Pillow's built-in font has: ASCII (no diacritics, and a
    hyphen for a dash), so that no letter is drawn as an empty box."""
    decomposed = unicodedata.normalize("NFKD", label.replace("–", "-"))
    return decomposed.encode("ascii", "ignore").decode()


def _label(draw, size, label: str, font_size: int, fill) -> None:
    width, height = size
    label = _drawable(label)
    font = ImageFont.load_default(size=font_size)
    box = draw.multiline_textbbox((0, 0), label, font=font, align="center")
    x = (width - (box[2] - box[0])) / 2
    y = (height - (box[3] - box[1])) / 2
    draw.multiline_text((x, y), label, font=font, fill=fill, align="center")


def _jpeg(picture: PILImage.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def placeholder_image(
    title: str, label: str, colour, size=BANNER, focal_point=None
) -> tuple[Image, bool]:
    """The image with this title, drawn and saved if it does not exist yet.

    `focal_point` (x, y, width, height in pixels: the centre and the size of the area) is what
    crops keep in view.
    """
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing, False
    data = _jpeg(_picture(size, colour, label))
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=f"{slugify(title)}.jpg")
    if focal_point:
        (
            image.focal_point_x,
            image.focal_point_y,
            image.focal_point_width,
            image.focal_point_height,
        ) = focal_point
    image.save()
    return image, True


def placeholder_document(title: str, label: str, file_name: str) -> tuple[Document, bool]:
    """The document with this title: a one-page PDF with `label` on it, saved if missing."""
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing, False
    page = PILImage.new("RGB", A4_PAGE, DOCUMENT_PAPER)
    _label(ImageDraw.Draw(page), A4_PAGE, label, font_size=28, fill=DOCUMENT_INK)
    buffer = io.BytesIO()
    # No creation or modification date, so that the file is the same on every build.
    page.save(buffer, format="PDF", title=title, creationDate=None, modDate=None)
    document = Document(title=title)
    document.file.save(file_name, ContentFile(buffer.getvalue()), save=False)
    # Size and hash, as Wagtail's upload form records them (the API gives the size).
    document._set_document_file_metadata()
    document.save()
    return document, True
