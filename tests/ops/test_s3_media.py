"""Media on S3-compatible object storage: originals, renditions and documents go to the bucket,
the API hands out the bucket's (or the custom domain's) URLs, deleting removes the objects.

The object store is moto's server, started by the test on 127.0.0.1: nothing leaves the machine.
"""

import io
import json
import re
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from home.models import StandardPage
from tests.ops.test_production import printed_json, production_env

REGION = "eu-central-1"
CREDENTIALS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
PDF = b"%PDF-1.4 the annual report"

MEDIA = """
query Media($path: String!) {
  page(path: $path) {
    ... on StandardPage {
      body {
        __typename
        ... on ImageBlock { image { title rendition(spec: "width-800") { url width height } } }
        ... on DocumentBlock { document { title url fileExtension } }
      }
    }
  }
}
"""


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def public_read(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


class Bucket:
    def __init__(self, endpoint: str):
        self.endpoint = endpoint
        self.name = f"cms-media-{uuid.uuid4().hex[:12]}"
        self.client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS)
        self.client.create_bucket(
            Bucket=self.name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        # Public read of objects (not listing), as docs/deployment.md sets a bucket up.
        self.client.put_bucket_policy(Bucket=self.name, Policy=json.dumps(public_read(self.name)))

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def head(self, key: str) -> dict:
        head = self.client.head_object(Bucket=self.name, Key=key)
        return {name: head.get(name) for name in ("ContentType", "CacheControl", "ContentLength")}


def use_s3(settings, bucket: Bucket, **overrides) -> None:
    """The settings base.py makes of AWS_STORAGE_BUCKET_NAME and friends, pointed at moto.

    STORAGES is assigned last, and anew each time: that change is what makes Django drop its
    cached storages (django.test.signals.storages_changed), so the next file access builds an
    S3 storage from the AWS_* values set here."""
    values = {
        "AWS_STORAGE_BUCKET_NAME": bucket.name,
        "AWS_S3_ENDPOINT_URL": bucket.endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        "AWS_S3_CUSTOM_DOMAIN": None,
        "WAGTAILDOCS_SERVE_METHOD": "redirect",
        **overrides,
    }
    for name, value in values.items():
        setattr(settings, name, value)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    }


@pytest.fixture
def bucket(s3_endpoint, settings):
    bucket = Bucket(s3_endpoint)
    use_s3(settings, bucket)
    return bucket


def png(size=(640, 480)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


PNG = png()


def fetch(url: str) -> bytes:
    assert url.startswith("http://127.0.0.1:")  # never anything but the local moto server
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


@pytest.fixture
def media_page(homes):
    """An English page with an image (and its width-800 rendition) and a document."""

    def make(slug: str):
        image = Image.objects.create(
            title="S3 photo", file=ImageFile(io.BytesIO(PNG), name="s3-photo.png")
        )
        image.get_rendition("width-800")
        document = Document.objects.create(
            title="S3 report", file=ContentFile(PDF, name="s3-report.pdf")
        )
        page = homes["en"].add_child(
            instance=StandardPage(
                title="Media",
                slug=slug,
                body=[
                    ("image", {"image": image, "alt_text": "", "caption": "", "credit": ""}),
                    ("document", {"document": document, "title": ""}),
                ],
            )
        )
        page.save_revision().publish()
        return image, document

    return make


def test_originals_renditions_and_documents_are_objects_in_the_bucket(bucket, media_page):
    image, document = media_page("s3-media")
    assert bucket.keys() == [
        "documents/s3-report.pdf",
        "images/s3-photo.width-800.png",
        "original_images/s3-photo.png",
    ]
    assert bucket.head("original_images/s3-photo.png") == {
        "ContentType": "image/png",
        "CacheControl": "max-age=86400",
        "ContentLength": len(PNG),
    }
    assert bucket.head("documents/s3-report.pdf") == {
        "ContentType": "application/pdf",
        "CacheControl": "max-age=86400",
        "ContentLength": len(PDF),
    }


def test_the_api_gives_bucket_urls_and_documents_redirect_there(
    bucket, media_page, graphql, client
):
    image, document = media_page("s3-media-api")
    body = graphql(MEDIA, {"path": "/en/s3-media-api/"})["data"]["page"]["body"]
    object_url = f"{bucket.endpoint}/{bucket.name}"
    assert body == [
        {
            "__typename": "ImageBlock",
            "image": {
                "title": "S3 photo",
                # Never enlarged: the 640 px original stays 640 px wide.
                "rendition": {
                    "url": f"{object_url}/images/s3-photo.width-800.png",
                    "width": 640,
                    "height": 480,
                },
            },
        },
        {
            "__typename": "DocumentBlock",
            "document": {
                "title": "S3 report",
                "url": f"/documents/{document.pk}/s3-report.pdf",
                "fileExtension": "pdf",
            },
        },
    ]
    rendition = PILImage.open(io.BytesIO(fetch(body[0]["image"]["rendition"]["url"])))
    assert (rendition.format, rendition.size) == ("PNG", (640, 480))
    # Wagtail's view checks the collection's privacy, then sends the download to the bucket.
    response = client.get(body[1]["document"]["url"])
    assert (response.status_code, response["Location"]) == (
        302,
        f"{object_url}/documents/s3-report.pdf",
    )
    assert fetch(response["Location"]) == PDF


def test_urls_use_the_custom_domain(bucket, settings, media_page, graphql, client):
    use_s3(settings, bucket, AWS_S3_CUSTOM_DOMAIN="media.example.org")
    image, document = media_page("s3-media-cdn")
    body = graphql(MEDIA, {"path": "/en/s3-media-cdn/"})["data"]["page"]["body"]
    assert body[0]["image"]["rendition"]["url"] == (
        "https://media.example.org/images/s3-photo.width-800.png"
    )
    response = client.get(body[1]["document"]["url"])
    assert (response.status_code, response["Location"]) == (
        302,
        "https://media.example.org/documents/s3-report.pdf",
    )


def test_a_taken_name_gets_a_suffix_instead_of_overwriting(bucket, db):
    first = Document.objects.create(title="One", file=ContentFile(b"one", name="same.pdf"))
    second = Document.objects.create(title="Two", file=ContentFile(b"two", name="same.pdf"))
    assert first.file.name == "documents/same.pdf"
    assert re.fullmatch(r"documents/same_[A-Za-z0-9]{7}\.pdf", second.file.name)
    assert bucket.keys() == sorted([first.file.name, second.file.name])
    assert second.file.read() == b"two"


def test_deleting_removes_the_objects(bucket, media_page, django_capture_on_commit_callbacks):
    image, document = media_page("s3-media-delete")
    kept = Document.objects.create(title="Kept", file=ContentFile(b"kept", name="s3-report.pdf"))
    # Wagtail deletes the files once the deletion is committed.
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
        document.delete()
    assert bucket.keys() == [kept.file.name]


# Prints what the settings modules make of the environment.
SETTINGS_SCRIPT = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
storage = storages["default"]
print(json.dumps({
    "backend": f"{type(storage).__module__}.{type(storage).__name__}",
    "serve_method": settings.WAGTAILDOCS_SERVE_METHOD,
    "s3": {
        name: getattr(storage, name, None)
        for name in ("bucket_name", "endpoint_url", "region_name", "custom_domain",
                     "querystring_auth", "file_overwrite", "object_parameters", "default_acl")
    },
}))
"""


def settings_from(**environment) -> dict:
    env = production_env(**environment)
    for name in list(env):
        if name.startswith("AWS_") and name not in environment:
            del env[name]
    env.pop("WAGTAILDOCS_SERVE_METHOD", None)
    return printed_json(SETTINGS_SCRIPT, env)


def test_the_bucket_setting_switches_media_to_s3():
    assert settings_from(
        AWS_STORAGE_BUCKET_NAME="cms-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    ) == {
        "backend": "storages.backends.s3.S3Storage",
        "serve_method": "redirect",
        "s3": {
            "bucket_name": "cms-media",
            "endpoint_url": "https://s3.example.org",
            "region_name": "eu-central-1",
            "custom_domain": "media.example.org",
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "max-age=86400"},
            "default_acl": None,
        },
    }


def test_without_a_bucket_media_stays_on_local_disk():
    assert settings_from() == {
        "backend": "django.core.files.storage.filesystem.FileSystemStorage",
        "serve_method": "serve_view",
        "s3": dict.fromkeys(
            (
                "bucket_name",
                "endpoint_url",
                "region_name",
                "custom_domain",
                "querystring_auth",
                "file_overwrite",
                "object_parameters",
                "default_acl",
            )
        ),
    }
