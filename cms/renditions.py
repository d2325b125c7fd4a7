"""Renditions are made in the background, never by a public read (docs/deployment.md, "Image
renditions").

- The allowlist: every spec the API offers (IMAGE_RENDITION_SPECS, IMAGE_FORMATS,
  IMAGE_SRCSET_WIDTHS); nothing else is ever generated.
- `generate_renditions(image_id)`, a django-tasks task, makes the allowlisted renditions an
  image lacks. It is enqueued after the commit when an image is saved with a new file or focal
  point (anything that leaves a spec missing), and when a page or snippet is published, for the
  images it uses. With the database backend `manage.py run_worker` runs it; the immediate
  backend of dev and tests runs it in the saving request.
- A public read only looks renditions up (`public_rendition`): in the prefetched renditions of
  the listing's images, no query per item, never Wagtail's `get_rendition`. A missing one is
  answered with the URL of `OnDemandRenditionView` and the size it will have, and its image's
  generation is enqueued (at most once per IMAGE_RENDITION_REQUEUE_SECONDS).
- `OnDemandRenditionView` (/images/<signature>/<id>/<spec>/…) serves an allowlisted, signed
  spec: an existing rendition at once; a missing one is made first, at most
  IMAGE_ON_DEMAND_RATE_LIMIT of them per client and window (then HTTP 429).
"""

import functools
import hashlib
import logging
import math
import posixpath
from io import BytesIO
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.db import transaction
from django.db.models.signals import post_save
from django.http import HttpResponse
from django.urls import reverse
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.images.models import Filter, Image, SourceImageIOError
from wagtail.images.utils import generate_signature, verify_signature
from wagtail.images.views.serve import ServeView
from wagtail.models import ReferenceIndex
from wagtail.signals import published

from cms.db import precompiled
from cms.graphql import ratelimit
from cms.logs import one_line

logger = logging.getLogger("cms.renditions")

# Saving only these fields can leave a rendition missing (Wagtail's image form deletes the
# renditions of a replaced file; a new focal point changes the key of every fill- spec).
RENDITION_FIELDS = frozenset(
    ("file", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
)

# Behind webhook deliveries and publish_scheduled on a shared worker: a page's images can take
# minutes to make, a delivery should not wait for them.
TASK_PRIORITY = -10


# --- the allowlist ----------------------------------------------------------------------------


def allowed_rendition_specs() -> list[str]:
    """Every filter spec the public may ask for, in a stable order."""
    specs = []
    for spec in settings.IMAGE_RENDITION_SPECS:
        specs.append(spec)
        specs.extend(f"{spec}|format-{fmt}" for fmt in settings.IMAGE_FORMATS)
    for width in settings.IMAGE_SRCSET_WIDTHS:
        specs.extend(f"width-{width}|format-{fmt}" for fmt in settings.IMAGE_FORMATS)
    return list(dict.fromkeys(specs))


@functools.cache
def spec_filter(spec: str) -> Filter:
    """One parsed Filter per spec for the process: it depends on the spec alone."""
    return Filter(spec=spec)


def focal_key(image: Image, spec: str) -> str:
    """The rendition key Wagtail stores for this image's focal point ('' for width- specs)."""
    return spec_filter(spec).get_cache_key(image)


# --- reading: what a public request may do ------------------------------------------------------


class PublicRendition(NamedTuple):
    url: str
    width: int
    height: int


def public_rendition(image: Image, spec: str) -> PublicRendition:
    """The rendition of an allowlisted spec as the public gets it, without making it: the file's
    URL when it exists, else the on-demand URL and the size it will have."""
    rendition = existing_rendition(image, spec)
    if rendition is not None:
        return PublicRendition(rendition.url, rendition.width, rendition.height)
    request_generation(image)
    width, height = planned_size(image, spec)
    return PublicRendition(on_demand_url(image, spec), width, height)


def existing_rendition(image: Image, spec: str):
    """The stored rendition of `spec` for the image's current focal point, or None."""
    key = focal_key(image, spec)
    for rendition in renditions_of(image):
        if rendition.filter_spec == spec and rendition.focal_point_key == key:
            return rendition
    return None


# The attribute of an image holding its renditions as `load_renditions` read them.
LOADED_RENDITIONS = "_public_renditions"


def renditions_of(image: Image) -> list:
    """The image's renditions, as loaded with the image (`load_renditions`, cms/graphql/
    relations.py, references.py); an image loaded without them costs one query."""
    if not hasattr(image, LOADED_RENDITIONS):
        load_renditions([image])
    return getattr(image, LOADED_RENDITIONS)


def load_renditions(images) -> None:
    """Every rendition of the images in one query, kept on each image for `renditions_of`.

    Django's prefetch_related("renditions") does the same with a queryset and a related manager
    made per image: for the 20 images of a listing that was about 5% of the request's CPU
    (benchmarks/profile_cards.py). Wagtail's own rendition lookups do not see these lists; only
    the public reads here use them, and those never make a rendition.
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    by_image = {image.pk: [] for image in images}
    renditions = Image.get_rendition_model().objects
    found = precompiled.run(
        ("renditions of images", renditions.model),
        lambda ids: renditions.filter(image_id__any=ids),
        list(by_image),
    )
    for rendition in found:
        by_image[rendition.image_id].append(rendition)
    for image in images:
        setattr(image, LOADED_RENDITIONS, by_image[image.pk])


def planned_size(image: Image, spec: str) -> tuple[int, int]:
    """The size the rendition will have, computed from the stored size of the original like
    Wagtail does when it makes it (never enlarged). A photo whose EXIF orientation turns it
    sideways is stored unturned, so for those width and height may come out swapped until the
    rendition exists."""
    try:
        width, height = spec_filter(spec).get_transform(image).size
    except (ArithmeticError, ValueError):  # an original without a known size
        return image.width, image.height
    return int(width), int(height)


def on_demand_url(image: Image, spec: str) -> str:
    """A signed URL of OnDemandRenditionView. Only the signature is checked; the last two parts
    change with the file and the focal point so that caches never keep an outdated crop under
    the same URL."""
    version = f"{image.file.name}:{image.file_hash}:{focal_key(image, spec)}"
    name = f"{hashlib.sha256(version.encode()).hexdigest()[:12]}/"
    name += posixpath.basename(image.file.name)
    kwargs = {"signature": generate_signature(image.pk, spec), "image_id": image.pk}
    return reverse("image-rendition", kwargs=kwargs | {"filter_spec": spec, "name": name})


def request_generation(image: Image) -> None:
    """Enqueue the image's renditions from a read, once per IMAGE_RENDITION_REQUEUE_SECONDS.
    Not with the immediate backend: it would make them inside the reader's request (there, the
    on-demand view and the save and publish hooks make them)."""
    if isinstance(generate_renditions.get_backend(), ImmediateBackend):
        return
    key = f"renditions-requested:{image.pk}"
    try:
        if caches["default"].add(key, 1, timeout=settings.IMAGE_RENDITION_REQUEUE_SECONDS):
            generate_renditions.enqueue(image.pk)
    except Exception as error:  # noqa: BLE001 - a read must not fail because of this
        logger.warning(
            "Renditions of image %s not enqueued (%s: %s); the on-demand URL still works",
            image.pk,
            type(error).__name__,
            one_line(error, 200),
        )


# --- the background task ------------------------------------------------------------------------


def missing_filters(image: Image, have: set[tuple[str, str]]) -> list[Filter]:
    """The allowlisted specs without a rendition in `have` ((filter_spec, focal_point_key))."""
    return [
        spec_filter(spec)
        for spec in allowed_rendition_specs()
        if (spec, focal_key(image, spec)) not in have
    ]


def stored_keys(image_ids) -> dict[int, set[tuple[str, str]]]:
    """(filter_spec, focal_point_key) of the stored renditions of each image, in one query."""
    keys = {pk: set() for pk in image_ids}
    rows = Image.get_rendition_model().objects.filter(image_id__in=keys)
    for image_id, spec, key in rows.values_list("image_id", "filter_spec", "focal_point_key"):
        keys[image_id].add((spec, key))
    return keys


@task(priority=TASK_PRIORITY)
def generate_renditions(image_id: int) -> str:
    """Make every allowlisted rendition the image lacks; nothing when it has them all or is
    gone. Renditions made in the meantime by the on-demand view are kept (get_or_create)."""
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return f"image {image_id} no longer exists"
    filters = missing_filters(image, stored_keys([image.pk])[image.pk])
    if not filters:
        return f"image {image_id}: nothing to make"
    try:
        with image.open_file() as file:
            original = file.read()  # once, not once per spec (object storage)
    except SourceImageIOError as error:
        logger.warning("Renditions of image %s not made: %s", image_id, one_line(error, 200))
        return f"image {image_id}: its file is missing"
    for flt in filters:
        source = File(BytesIO(original), name=image.file.name)
        image.renditions.get_or_create(
            filter_spec=flt.spec,
            focal_point_key=flt.get_cache_key(image),
            defaults={"file": image.generate_rendition_file(flt, source=source)},
        )
    return f"image {image_id}: made {', '.join(flt.spec for flt in filters)}"


def enqueue_missing(image_ids) -> list[int]:
    """Enqueue generate_renditions for those of the images that lack an allowlisted rendition
    (two queries, so a publish whose images are complete enqueues nothing)."""
    have = stored_keys(image_ids)
    queued = []
    for image in Image.objects.filter(pk__in=have).order_by("pk"):
        if missing_filters(image, have[image.pk]):
            generate_renditions.enqueue(image.pk)
            queued.append(image.pk)
    return queued


def image_ids_used_by(instance) -> list[int]:
    """Images a page or snippet points at: image foreign keys, StreamField and rich-text
    references, its inline rows. Read from the object itself with the reference index's own
    extraction: the index table is updated by a background task and may not have caught up."""
    image_type = ContentType.objects.get_for_model(Image).pk
    return sorted(
        {
            int(object_id)
            for content_type, object_id, *_ in ReferenceIndex._extract_references_from_object(
                instance
            )
            if content_type == image_type and str(object_id).isdigit()
        }
    )


def _on_image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not RENDITION_FIELDS & set(update_fields)):
        return
    # After the commit: Wagtail's image form deletes a replaced file's renditions after saving.
    transaction.on_commit(functools.partial(enqueue_missing, [instance.pk]), robust=True)


def _on_published(sender, instance, **kwargs):
    # Sent for pages (besides page_published) and snippets, scheduled publications included:
    # their images are ready when they go live.
    try:
        image_ids = image_ids_used_by(instance)
    except Exception as error:  # noqa: BLE001 - a publish must not fail for want of renditions
        logger.warning(
            "Renditions of the images of %r not enqueued (%s: %s); they are made on demand",
            instance,
            type(error).__name__,
            one_line(error, 200),
        )
        return
    if image_ids:
        transaction.on_commit(functools.partial(enqueue_missing, image_ids), robust=True)


def connect():
    post_save.connect(_on_image_saved, sender=Image, dispatch_uid="renditions_image_saved")
    published.connect(_on_published, dispatch_uid="renditions_published")


# --- the on-demand view -------------------------------------------------------------------------


def refusal(status: int, message: str, **headers) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


class OnDemandRenditionView(ServeView):
    """Serves an allowlisted rendition whose URL the API signed (see the module's doc); Wagtail's
    ServeView sends the file."""

    def get(self, request, signature, image_id, filter_spec, name=""):
        if filter_spec not in allowed_rendition_specs():
            return refusal(404, f"Rendition {filter_spec!r} is not offered.")
        if not verify_signature(signature.encode(), image_id, filter_spec):
            return refusal(403, "Wrong signature: use the URL the API gave.")
        image = Image.objects.filter(pk=image_id).first()
        if image is None:
            return refusal(404, "There is no such image.")
        rendition = existing_rendition(image, filter_spec)
        if rendition is None:
            wait = generation_rate_limited(request)
            if wait is not None:
                return refusal(
                    429,
                    f"Too many images made on demand for your address; try again in {wait} s.",
                    Retry_After=str(wait),
                )
            try:
                rendition = image.get_rendition(filter_spec)
            except SourceImageIOError:
                return refusal(410, "The image's file is missing.")
        response = self.serve(rendition)
        seconds = settings.IMAGE_ON_DEMAND_CACHE_SECONDS
        response["Cache-Control"] = f"public, max-age={seconds}, immutable"
        return response


def generation_rate_limit() -> tuple[int, int] | None:
    try:
        return ratelimit.parse_rate(settings.IMAGE_ON_DEMAND_RATE_LIMIT)
    except ImproperlyConfigured:
        raise ImproperlyConfigured(
            "IMAGE_ON_DEMAND_RATE_LIMIT must be 'renditions/seconds' (e.g. '60/60'), empty or 0, "
            f"not {settings.IMAGE_ON_DEMAND_RATE_LIMIT!r}."
        ) from None


def generation_rate_limited(request) -> int | None:
    """Count one rendition made on demand for the client (its address as the API's rate limit
    sees it, cms/graphql/ratelimit.py): None when it may, else the seconds to wait. Fixed
    windows in the rate limits' cache; when the cache fails the request is let through."""
    rate = generation_rate_limit()
    if rate is None:
        return None
    limit, window = rate
    moment = ratelimit.now()
    slot = int(moment // window)
    key = f"rendition-rate:{limit}/{window}:{ratelimit.client_address(request)}:{slot}"
    try:
        count = _count(caches[settings.GRAPHQL_RATE_LIMIT_CACHE], key, window)
    except Exception as error:  # noqa: BLE001 - whatever the backend raises: let it through
        logger.warning("On-demand rendition rate limit not applied: %s", one_line(error, 200))
        return None
    if count <= limit:
        return None
    return max(1, math.ceil((slot + 1) * window - moment))


def _count(cache, key: str, window: int) -> int:
    if cache.add(key, 1, timeout=window + 1):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the counter expired between add and incr: a new window
        cache.set(key, 1, timeout=window + 1)
        return 1
