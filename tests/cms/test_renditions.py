"""Renditions are made in the background; a public read never makes one (cms/renditions.py).

Images here are new (1200 × 900, no renditions), saved outside django_capture_on_commit_callbacks
so that nothing is generated until a test says so: the test transaction is never committed.
"""

import io
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.test import override_settings
from django_tasks import task_backends
from PIL import Image as PILImage
from wagtail.images.models import Image, Rendition
from wagtail.images.utils import generate_signature

from cms import renditions
from cms.graphql import ratelimit
from home.models import NewsPage
from people.models import Organisation

NEWS_ITEM = """
query NewsItem($path: String!) {
  newsItem(path: $path) {
    mainImage {
      card: rendition(spec: "fill-480x270", format: "webp") { url width height }
      large: rendition(spec: "width-1600") { url width height }
      srcSet(format: "jpeg")
    }
  }
}
"""

NEWS_LISTING = """
query News {
  news(locale: "en", pagination: {limit: 20}) {
    results {
      title
      mainImage {
        rendition(spec: "fill-480x270", format: "webp") { url width height }
        srcSet(widths: [480, 960])
      }
    }
  }
}
"""

# No focal point: Wagtail keys the fill- crops by the hash of "None-None-None-None".
NO_FOCAL_POINT = "2e16d0ba"
FILL_SPECS = [
    "fill-160x160",
    "fill-160x160|format-webp",
    "fill-160x160|format-jpeg",
    "fill-480x270",
    "fill-480x270|format-webp",
    "fill-480x270|format-jpeg",
    "fill-960x540",
    "fill-960x540|format-webp",
    "fill-960x540|format-jpeg",
]
WIDTH_SPECS = [
    "width-800",
    "width-800|format-webp",
    "width-800|format-jpeg",
    "width-1600",
    "width-1600|format-webp",
    "width-1600|format-jpeg",
    "width-480|format-webp",
    "width-480|format-jpeg",
    "width-960|format-webp",
    "width-960|format-jpeg",
]
EVERY_RENDITION = {(spec, NO_FOCAL_POINT) for spec in FILL_SPECS} | {
    (spec, "") for spec in WIDTH_SPECS
}


def new_image(title: str) -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", (1200, 900), (40, 120, 200)).save(data, "JPEG")
    image = Image(title=title)
    image.file = ImageFile(data, name=f"{title.lower().replace(' ', '-')}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


def made(image: Image) -> set[tuple[str, str]]:
    return set(image.renditions.values_list("filter_spec", "focal_point_key"))


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def news_item(db):
    return NewsPage.objects.filter(locale__language_code="en", live=True).order_by("pk").first()


@pytest.fixture
def image(db):
    return new_image("Rendition test")


@pytest.fixture
def news_with_new_image(news_item, image):
    news_item.main_image = image
    news_item.save()
    return news_item


@pytest.fixture
def fixed_window(monkeypatch):
    """Rate-limit windows start at a known moment: 20 s before the end of one."""
    monkeypatch.setattr(ratelimit, "now", lambda: 1_000_000.0)
    cache.clear()


def on_demand(image: Image, spec: str) -> str:
    return renditions.on_demand_url(image, spec)


# --- a public read ------------------------------------------------------------------------------


def test_a_public_read_makes_no_rendition_and_gives_on_demand_urls(graphql, news_with_new_image):
    image = news_with_new_image.main_image
    before = Rendition.objects.count()

    data = graphql(NEWS_ITEM, {"path": news_with_new_image.url_path})["data"]

    assert Rendition.objects.count() == before
    assert made(image) == set()
    # Sizes as they will be: never enlarged, so width-1600 of a 1200 px original is 1200 px.
    assert data == {
        "newsItem": {
            "mainImage": {
                "card": {
                    "url": on_demand(image, "fill-480x270|format-webp"),
                    "width": 480,
                    "height": 270,
                },
                "large": {"url": on_demand(image, "width-1600"), "width": 1200, "height": 900},
                "srcSet": f"{on_demand(image, 'width-480|format-jpeg')} 480w, "
                f"{on_demand(image, 'width-960|format-jpeg')} 960w, "
                f"{on_demand(image, 'width-1600|format-jpeg')} 1200w",
            }
        }
    }


def test_the_on_demand_url_is_signed_and_names_the_spec_and_file(image):
    url = on_demand(image, "fill-480x270|format-webp")

    prefix = f"/images/{generate_signature(image.pk, 'fill-480x270|format-webp')}/{image.pk}/"
    assert url.startswith(prefix + "fill-480x270%7Cformat-webp/")
    assert url.endswith(f"/{image.file.name.rsplit('/', 1)[1]}")
    assert url.count("/") == 6


def test_the_on_demand_url_changes_with_the_focal_point_only_for_crops(image):
    card, wide = on_demand(image, "fill-480x270"), on_demand(image, "width-800")

    image.focal_point_x, image.focal_point_y = 300, 200
    image.focal_point_width, image.focal_point_height = 100, 100

    assert on_demand(image, "fill-480x270") != card
    assert on_demand(image, "width-800") == wide


def test_a_listing_costs_the_same_queries_with_renditions_missing(
    graphql, image, django_assert_num_queries
):
    with django_assert_num_queries(7):
        with_renditions = graphql(NEWS_LISTING)["data"]["news"]["results"]
    NewsPage.objects.filter(locale__language_code="en").update(main_image=image)
    before = Rendition.objects.count()

    with django_assert_num_queries(7):
        missing = graphql(NEWS_LISTING)["data"]["news"]["results"]

    assert Rendition.objects.count() == before
    assert len(missing) == len(with_renditions) > 1
    assert {item["title"] for item in missing} == {item["title"] for item in with_renditions}
    assert all(
        item["mainImage"]
        == {
            "rendition": {
                "url": on_demand(image, "fill-480x270|format-webp"),
                "width": 480,
                "height": 270,
            },
            "srcSet": f"{on_demand(image, 'width-480|format-webp')} 480w, "
            f"{on_demand(image, 'width-960|format-webp')} 960w",
        }
        for item in missing
    )
    # With renditions, the listing names the stored files.
    assert all(
        item["mainImage"]["rendition"]["url"].startswith("/media/images/")
        for item in with_renditions
    )


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_a_read_enqueues_the_generation_once_with_a_worker_backend(graphql, news_with_new_image):
    image = news_with_new_image.main_image
    cache.delete(f"renditions-requested:{image.pk}")

    graphql(NEWS_ITEM, {"path": news_with_new_image.url_path})
    graphql(NEWS_ITEM, {"path": news_with_new_image.url_path})

    queued = task_backends["default"].results
    assert [(result.task.name, list(result.args)) for result in queued] == [
        ("generate_renditions", [image.pk])
    ]
    assert made(image) == set()


# --- the on-demand view -------------------------------------------------------------------------


def test_the_on_demand_url_serves_the_rendition_and_then_it_exists(
    client, graphql, news_with_new_image, fixed_window
):
    image = news_with_new_image.main_image
    url = graphql(NEWS_ITEM, {"path": news_with_new_image.url_path})["data"]["newsItem"][
        "mainImage"
    ]["card"]["url"]

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    served = PILImage.open(io.BytesIO(body_of(response)))
    assert (served.format, served.size) == ("WEBP", (480, 270))
    assert made(image) == {("fill-480x270|format-webp", NO_FOCAL_POINT)}
    # The next read names the stored file.
    rendition = image.renditions.get()
    card = graphql(NEWS_ITEM, {"path": news_with_new_image.url_path})["data"]["newsItem"][
        "mainImage"
    ]["card"]
    assert card == {"url": rendition.url, "width": 480, "height": 270}
    assert card["url"].startswith("/media/images/")


def test_a_spec_outside_the_allowlist_is_refused(client, image):
    url = f"/images/{generate_signature(image.pk, 'width-300')}/{image.pk}/width-300/x/a.jpg"

    response = client.get(url)

    assert (response.status_code, response.content) == (
        404,
        b"Rendition 'width-300' is not offered.",
    )
    assert made(image) == set()


def test_a_wrong_signature_is_refused(client, image):
    url = on_demand(image, "width-800").replace(
        generate_signature(image.pk, "width-800"), generate_signature(image.pk, "width-1600")
    )

    response = client.get(url)

    assert (response.status_code, response.content) == (
        403,
        b"Wrong signature: use the URL the API gave.",
    )
    assert response["Cache-Control"] == "no-store"
    assert made(image) == set()


def test_an_image_that_is_gone_is_not_found(client, image):
    url = on_demand(image, "width-800")
    image.delete()

    response = client.get(url)

    assert (response.status_code, response.content) == (404, b"There is no such image.")


@override_settings(IMAGE_ON_DEMAND_RATE_LIMIT="2/60")
def test_making_renditions_on_demand_is_rate_limited_per_client(client, image, fixed_window):
    first, second, third = (
        client.get(on_demand(image, spec)) for spec in ("fill-160x160", "width-800", "fill-960x540")
    )

    assert [first.status_code, second.status_code, third.status_code] == [200, 200, 429]
    assert third.content == b"Too many images made on demand for your address; try again in 20 s."
    assert (third["Retry-After"], third["Cache-Control"]) == ("20", "no-store")
    assert made(image) == {("fill-160x160", NO_FOCAL_POINT), ("width-800", "")}
    # A rendition that exists is served whatever the count; another client may still make one.
    assert client.get(on_demand(image, "width-800")).status_code == 200
    assert client.get(on_demand(image, "fill-960x540"), REMOTE_ADDR="10.0.0.2").status_code == 200
    assert made(image) == {
        ("fill-160x160", NO_FOCAL_POINT),
        ("width-800", ""),
        ("fill-960x540", NO_FOCAL_POINT),
    }


# --- background generation ----------------------------------------------------------------------


def test_saving_a_new_image_makes_every_allowlisted_rendition(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = new_image("Saved in the admin")

    assert made(image) == EVERY_RENDITION
    assert len(EVERY_RENDITION) == len(renditions.allowed_rendition_specs()) == 19
    sizes = dict(image.renditions.values_list("filter_spec", "width"))
    assert (sizes["fill-960x540"], sizes["width-800"], sizes["width-1600|format-webp"]) == (
        960,
        800,
        1200,
    )


def test_a_new_focal_point_makes_the_crops_again(image, django_capture_on_commit_callbacks):
    renditions.generate_renditions.call(image.pk)

    with django_capture_on_commit_callbacks(execute=True):
        image.focal_point_x, image.focal_point_y = 300, 200
        image.focal_point_width, image.focal_point_height = 100, 100
        image.save()

    moved = renditions.focal_key(image, "fill-160x160")
    assert moved not in ("", NO_FOCAL_POINT)
    assert made(image) == EVERY_RENDITION | {(spec, moved) for spec in FILL_SPECS}


def test_saving_other_fields_enqueues_nothing(image, django_capture_on_commit_callbacks):
    with mock.patch.object(renditions, "enqueue_missing") as enqueue:
        with django_capture_on_commit_callbacks(execute=True):
            image.title = "Renamed"
            image.save(update_fields=["title"])

    # Other on-commit work (the API's content version) may run; no rendition task does.
    enqueue.assert_not_called()
    assert made(image) == set()


def test_publishing_a_page_makes_the_renditions_of_its_images(
    news_item, django_capture_on_commit_callbacks
):
    main, in_body = new_image("Main picture"), new_image("Picture in the body")
    news_item.main_image = main
    news_item.body = [
        {
            "type": "image",
            "value": {"image": in_body.pk, "alt_text": "A body image", "caption": "", "credit": ""},
        }
    ]
    revision = news_item.save_revision()
    assert (made(main), made(in_body)) == (set(), set())

    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()

    assert (made(main), made(in_body)) == (EVERY_RENDITION, EVERY_RENDITION)


def test_publishing_a_snippet_makes_the_renditions_of_its_images(
    db, django_capture_on_commit_callbacks
):
    organisation = Organisation.objects.filter(locale__language_code="en").order_by("pk").first()
    logo = new_image("New logo")
    organisation.logo = logo
    revision = organisation.save_revision()

    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()

    assert made(logo) == EVERY_RENDITION


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_a_publish_enqueues_only_images_that_lack_renditions(
    news_item, django_capture_on_commit_callbacks
):
    renditions.generate_renditions.call(news_item.main_image_id)
    complete = news_item.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        complete.publish()
    fresh = new_image("Not made yet")
    news_item.main_image = fresh
    incomplete = news_item.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        incomplete.publish()

    queued = [
        list(result.args)
        for result in task_backends["default"].results
        if result.task.name == "generate_renditions"
    ]
    assert queued == [[fresh.pk]]
    assert made(fresh) == set()


def test_the_task_skips_what_exists_and_tolerates_a_deleted_image(image):
    image.get_rendition("width-800")

    first = renditions.generate_renditions.call(image.pk)
    again = renditions.generate_renditions.call(image.pk)
    pk = image.pk
    image.delete()
    gone = renditions.generate_renditions.call(pk)

    made_specs = ", ".join(
        spec for spec in renditions.allowed_rendition_specs() if spec != "width-800"
    )
    assert (first, again, gone) == (
        f"image {pk}: made {made_specs}",
        f"image {pk}: nothing to make",
        f"image {pk} no longer exists",
    )


def test_images_used_by_a_page_are_found_in_fields_and_blocks(news_item):
    main, in_body = new_image("Main"), new_image("Body")
    news_item.main_image = main
    news_item.body = [
        {
            "type": "image",
            "value": {"image": in_body.pk, "alt_text": "x", "caption": "", "credit": ""},
        }
    ]

    assert renditions.image_ids_used_by(news_item) == sorted([main.pk, in_body.pk])
