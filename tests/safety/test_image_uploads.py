"""Image uploads in the admin as a logged-in superuser: a pixel limit with a clear form error,
and a broken file (a PNG header followed by HTML) is a form error too, never a server error, in
the single ("Add an image") and the multiple upload view. Nothing is saved either way."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection

from tests.factories import UserFactory

DAMAGED = (
    "This file could not be read as an image: it is damaged, cut short or not an image at all. "
    "Export or download it again and upload the new file."
)
TOO_MANY_PIXELS = (
    "This image is 8000 × 5001 pixels, 40.01 megapixels in all; images may have at most 40 "
    "megapixels. Scale it down and upload it again."
)


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def png(width: int, height: int, mode: str = "RGB") -> bytes:
    """A PNG of one colour; mode "1" keeps a big one small in memory and on disk."""
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
BROKEN = {
    # Only the 8-byte PNG signature, then a web page.
    "signature-then-html": PNG_SIGNATURE + HTML,
    # The signature and a valid IHDR chunk (a 100 × 100 image): the size reads fine, the
    # pixels are HTML.
    "header-then-html": png(100, 100)[:33] + HTML,
    # A real PNG cut off in the middle of its pixel data.
    "truncated": png(300, 300, "RGB")[:-40],
}


def add(client, content: bytes, name: str = "upload.png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "An upload",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
        },
    )


def add_multiple(client, content: bytes, name: str = "upload.png"):
    return client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": Collection.get_first_root_node().pk,
            "files[]": SimpleUploadedFile(name, content, content_type="image/png"),
        },
    )


def test_the_limit_is_40_megapixels_through_wagtails_setting():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILIMAGES_IMAGE_FORM_BASE == "cms.images.ImageForm"


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_broken_image_is_a_form_error_in_the_add_view(admin_client, content):
    before = Image.objects.count()
    response = add(admin_client, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [DAMAGED]
    assert Image.objects.count() == before


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_broken_image_is_a_form_error_in_the_multiple_upload(admin_client, content):
    before = Image.objects.count()
    response = add_multiple(admin_client, content)
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": DAMAGED}
    assert Image.objects.count() == before


def test_too_many_pixels_is_a_form_error_in_the_add_view(admin_client):
    before = Image.objects.count()
    response = add(admin_client, png(8000, 5001, "1"))
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [TOO_MANY_PIXELS]
    assert Image.objects.count() == before


def test_too_many_pixels_is_a_form_error_in_the_multiple_upload(admin_client):
    before = Image.objects.count()
    response = add_multiple(admin_client, png(8000, 5001, "1"))
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": TOO_MANY_PIXELS}
    assert Image.objects.count() == before


def test_the_limit_comes_from_the_setting(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    response = add(admin_client, png(101, 100))
    assert response.context["form"].errors["file"] == [
        "This image is 101 × 100 pixels, 0.01 megapixels in all; images may have at most "
        "0.01 megapixels. Scale it down and upload it again."
    ]
    assert add(admin_client, png(100, 100)).status_code == 302


def test_frames_of_an_animation_count(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 3_000_000
    frames = [PILImage.new("L", (1000, 1000), shade) for shade in (0, 80, 160, 240)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    response = add(admin_client, buffer.getvalue(), name="animation.gif")
    assert response.context["form"].errors["file"] == [
        "This image is 1000 × 1000 pixels × 4 frames, 4 megapixels in all; images may have at "
        "most 3 megapixels. Scale it down and upload it again."
    ]


def test_a_whole_image_within_the_limit_is_saved(admin_client):
    before = Image.objects.count()
    response = add(admin_client, png(640, 480))
    assert response.status_code == 302
    assert Image.objects.count() == before + 1
    image = Image.objects.latest("pk")
    assert (image.title, image.width, image.height) == ("An upload", 640, 480)

    response = add_multiple(admin_client, png(320, 200))
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert Image.objects.count() == before + 2
