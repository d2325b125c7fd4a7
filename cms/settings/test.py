"""Test settings: `make test` runs the suite against a real PostgreSQL."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, with_our_engine

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

DATABASES = {
    "default": with_our_engine(
        env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/cms")
    ),
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
# The tests' webhook receivers listen on 127.0.0.1 over http; the tests of the address rules
# turn these off again (tests/webhooks/test_safety.py).
WEBHOOK_ALLOW_HTTP = True
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True

# tests/webhooks/test_worker.py runs `manage.py run_worker` in subprocesses on a database of its
# own, as production runs it: tasks in the database, persistent connections, and the webhook
# timings the test chooses through the environment.
if env.bool("TEST_WORKER_DATABASE_TASKS", default=False):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=WEBHOOK_TIMEOUT_SECONDS)

# Machine translation: always the dummy translator (no network in tests).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}

# Operations (docs/deployment.md): the rate limit is off and GraphiQL follows DEBUG, whatever the
# environment says; tests/ops turn them on where they test them.
GRAPHQL_RATE_LIMIT = ""
GRAPHQL_INTROSPECTION = True
GRAPHIQL = None

# Caching (docs/deployment.md "Caching"): the response cache is off, so tests that change rows
# without publishing see the change; tests/graphql/test_response_cache.py turns it on. Servers
# that tests run in subprocesses share a Redis with the test (TEST_REDIS_URL, with the key prefix
# CACHE_KEY_PREFIX), as production's processes do, with the response cache on.
GRAPHQL_RESPONSE_CACHE = {**GRAPHQL_RESPONSE_CACHE, "ENABLED": False}  # noqa: F405
GRAPHQL_PERSISTED_QUERIES = "apq"
if env.str("TEST_REDIS_URL", default=""):
    CACHES = {
        "default": redis_cache_setting(  # noqa: F405
            env.str("TEST_REDIS_URL"), env.str("CACHE_KEY_PREFIX", default="cms-test")
        )
    }
    GRAPHQL_RESPONSE_CACHE["ENABLED"] = True

# Admin login throttling (django-axes, docs/deployment.md): off, because the test client's
# login() calls authenticate() without the request axes requires (force_login() is unaffected);
# tests/test_login_throttling.py turns it on and tests it through the admin's login form.
AXES_ENABLED = False

# Search dictionaries' warm-up on each new connection (search/warm_up.py) costs about 1.4 s per
# connection, which the suite's many connections (subprocesses, reconnect tests) need not pay;
# tests/search/test_warm_up.py turns it on.
SEARCH_WARM_UP = False
# No postings unless a test asks for them (tests/search/test_postings.py): a search would
# otherwise read which lexemes are hot, a query the query-count tests do not expect.
SEARCH_POSTINGS_MIN_ENTRIES = 0
SEARCH_POSTINGS_REFRESH_SECONDS = 0
