"""Placeholder pictures drawn locally with Pillow, so the demo needs no download."""

import io

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

BANNER = (1600, 900)
SQUARE = (800, 800)


def _draw(size: tuple[int, int], colour: tuple[int, int, int], label: str) -> bytes:
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
    font = ImageFont.load_default(size=max(24, width // 22))
    box = draw.multiline_textbbox((0, 0), label, font=font, align="center")
    x = (width - (box[2] - box[0])) / 2
    y = (height - (box[3] - box[1])) / 2
    draw.multiline_text((x, y), label, font=font, fill=(255, 255, 255), align="center")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def placeholder_image(title: str, label: str, colour, size=BANNER) -> tuple[Image, bool]:
    """The image with this title, drawn and saved if it does not exist yet."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing, False
    data = _draw(size, colour, label)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=f"{slugify(title)}.jpg")
    image.save()
    return image, True
