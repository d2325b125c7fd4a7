"""Static files in production: `collectstatic` with the production settings, then whitenoise
serving them through the WSGI application with compression and far-future caching.

Both steps run in subprocesses with `cms.settings.production`, as a deployment runs them: the
storage and the middleware exist only there, and a manifest storage fails on a file that a CSS
file references but nobody ships, which only a real `collectstatic` shows.
"""

import base64
import gzip
import json
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from django.contrib.staticfiles import finders

from tests.ops.test_production import production_env

ROOT = Path(__file__).resolve().parent.parent.parent
ADMIN_CSS = "wagtailadmin/css/core.css"
FOREVER = "max-age=315360000, public, immutable"

# Asks the WSGI application (the whole middleware stack of production) for static files, with
# the Django test client in the subprocess; prints each answer as JSON, its body in base64.
REQUEST_SCRIPT = """
import base64, json, sys
import django
django.setup()
from django.conf import settings
from django.test import Client

client = Client()
answers = []
for path, accept_encoding in json.loads(sys.argv[1]):
    response = client.get(path, secure=True, HTTP_ACCEPT_ENCODING=accept_encoding)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    answers.append({
        "status": response.status_code,
        "headers": {name: response.headers.get(name) for name in (
            "Cache-Control", "Content-Encoding", "Content-Type", "Vary")},
        "body": base64.b64encode(body).decode(),
    })
print(json.dumps({"middleware": settings.MIDDLEWARE[:2], "answers": answers}))
"""


def static_env(static_root: Path) -> dict:
    env = production_env(STATIC_ROOT=str(static_root))
    env["ALLOWED_HOSTS"] = "testserver"  # the test client's host
    env.pop("WHITENOISE_MAX_AGE", None)
    return env


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """STATIC_ROOT after `manage.py collectstatic` with the production settings (about 30 s:
    it hashes and compresses the admin's files)."""
    root = tmp_path_factory.mktemp("static")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=static_env(root),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def manifest(static_root: Path) -> dict[str, str]:
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


def request(static_root: Path, *requests: tuple[str, str]) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", REQUEST_SCRIPT, json.dumps(requests)],
        cwd=ROOT,
        env=static_env(static_root),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    for answer in output["answers"]:
        answer["body"] = base64.b64decode(answer["body"])
    return output


def test_collectstatic_collects_every_app_and_our_own_files(static_root):
    paths = manifest(static_root)
    ours = sorted(
        path.relative_to(ROOT / "cms" / "static").as_posix()
        for path in (ROOT / "cms" / "static").rglob("*")
        # collectstatic leaves out hidden files (its default ignore patterns).
        if path.is_file() and not path.name.startswith(".")
    )
    assert ours, "cms/static has files of ours"
    assert [path for path in ours if path not in paths] == []
    for app_file in (
        ADMIN_CSS,
        "wagtail_localize/css/wagtail-localize-editor-form.css",
        "wagtaildocs/js/document-chooser-modal.js",
        "admin/css/base.css",
    ):
        assert (static_root / app_file).read_bytes() == Path(finders.find(app_file)).read_bytes()
        hashed = paths[app_file]
        assert hashed != app_file
        assert (
            brotli.decompress((static_root / f"{hashed}.br").read_bytes())
            == (static_root / hashed).read_bytes()
        )


def test_hashed_names_are_cached_forever_and_served_compressed(static_root):
    hashed = manifest(static_root)[ADMIN_CSS]
    content = (static_root / hashed).read_bytes()
    url = f"/static/{hashed}"
    output = request(static_root, (url, "gzip, deflate, br"), (url, "gzip"), (url, ""))
    # Right after SecurityMiddleware: its redirect and headers apply, nothing else runs.
    assert output["middleware"] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    br, gz, plain = output["answers"]
    assert (br["status"], br["headers"]) == (
        200,
        {
            "Cache-Control": FOREVER,
            "Content-Encoding": "br",
            "Content-Type": 'text/css; charset="utf-8"',
            "Vary": "Accept-Encoding",
        },
    )
    assert brotli.decompress(br["body"]) == content
    assert (gz["status"], gz["headers"]["Content-Encoding"]) == (200, "gzip")
    assert gz["headers"]["Cache-Control"] == FOREVER
    assert gzip.decompress(gz["body"]) == content
    assert (plain["status"], plain["headers"]["Content-Encoding"]) == (200, None)
    assert plain["body"] == content
    assert len(br["body"]) < len(gz["body"]) < len(content) / 4


def test_plain_names_are_cached_briefly(static_root):
    (answer,) = request(static_root, (f"/static/{ADMIN_CSS}", "br"))["answers"]
    assert (answer["status"], answer["headers"]) == (
        200,
        {
            "Cache-Control": "max-age=60, public",
            "Content-Encoding": "br",
            "Content-Type": 'text/css; charset="utf-8"',
            "Vary": "Accept-Encoding",
        },
    )
    assert brotli.decompress(answer["body"]) == (static_root / ADMIN_CSS).read_bytes()
