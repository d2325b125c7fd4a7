"""Image uploads the admin accepts: whole images within the pixel limit, checked before saving.

Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE points here) is used by the "Add an image"
view, the multiple upload, the chooser's upload and "Change image file" on the edit view. Its
file field, WagtailImageField, checks the extension, the file size and width × height × frames
against WAGTAILIMAGES_MAX_IMAGE_PIXELS, but reads the size through Willow, which decodes the
whole image first, and lets any error of the image library through: a file that starts like a
PNG and goes on with something else (HTML, a truncated download) answered 500.

`CheckedImageField` reads the size from the file's header, refuses too many pixels before
decoding anything, then decodes the image once; whatever goes wrong is a form error, and no
Image row or file is saved.
"""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED = _(
    "This file could not be read as an image: it is damaged, cut short or not an image at all. "
    "Export or download it again and upload the new file."
)
TOO_MANY_PIXELS = _(
    "This image is %(width)s × %(height)s pixels%(frames)s, %(megapixels)s megapixels in all; "
    "images may have at most %(limit)s megapixels. Scale it down and upload it again."
)
TOO_MANY_PIXELS_UNKNOWN = _(
    "This image has far too many pixels to be read; images may have at most %(limit)s "
    "megapixels. Scale it down and upload it again."
)


def megapixels(pixels: int) -> str:
    """40000000 → "40", 40008000 → "40.01"."""
    return f"{pixels / 1_000_000:.2f}".rstrip("0").rstrip(".")


class CheckedImageField(WagtailImageField):
    """WagtailImageField whose pixel check reads only the header and whose errors are all form
    errors (see the module's doc)."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - any failure of the image library
            raise ValidationError(DAMAGED, code="invalid_image") from error

    def check_image_pixel_size(self, f):
        file = f.image.f
        try:
            file.seek(0)
            with warnings.catch_warnings():
                # Pillow only warns between its limit and twice that; refuse those too.
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                image = PILImage.open(file)
                width, height = image.size
                self._check_pixels(width * height, width, height, 1)
                frames = getattr(image, "n_frames", 1)
                self._check_pixels(width * height * frames, width, height, frames)
                # The header is fine and small enough: decode every pixel of the (first)
                # image once, so a file that breaks off is refused now, not in a rendition.
                image.load()
        except ValidationError:
            raise
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise ValidationError(
                TOO_MANY_PIXELS_UNKNOWN % {"limit": megapixels(self._pixel_limit())},
                code="file_too_many_pixels",
            ) from None
        except Exception as error:  # noqa: BLE001 - any failure of the image library
            raise ValidationError(DAMAGED, code="invalid_image") from error
        finally:
            file.seek(0)

    def _pixel_limit(self) -> int:
        pil_limit = 2 * PILImage.MAX_IMAGE_PIXELS if PILImage.MAX_IMAGE_PIXELS else 0
        return self.max_image_pixels or pil_limit

    def _check_pixels(self, pixels: int, width: int, height: int, frames: int):
        if self.max_image_pixels is None or pixels <= self.max_image_pixels:
            return
        raise ValidationError(
            TOO_MANY_PIXELS
            % {
                "width": width,
                "height": height,
                "frames": (
                    " "
                    + ngettext("× %(count)d frame", "× %(count)d frames", frames)
                    % {"count": frames}
                    if frames > 1
                    else ""
                ),
                "megapixels": megapixels(pixels),
                "limit": megapixels(self.max_image_pixels),
            },
            code="file_too_many_pixels",
        )


class ImageForm(BaseImageForm):
    """Wagtail's image form with CheckedImageField as the file field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, CheckedImageField):
            # Made per form, like Wagtail's own field, so it reads the settings of the moment.
            self.fields["file"] = CheckedImageField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                initial=field.initial,
                disabled=field.disabled,
            )
