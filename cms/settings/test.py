"""Test settings: `make test` runs the suite against a real PostgreSQL."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/cms"),
}

# Tests write uploads and renditions into a throwaway folder, never into the dev media.
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Background tasks run at once, inside the test; webhook retries do not wait.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WEBHOOK_RETRY_BASE_SECONDS = 0
WEBHOOK_TIMEOUT_SECONDS = 2.0

# Machine translation: always the dummy translator (no network in tests).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}
