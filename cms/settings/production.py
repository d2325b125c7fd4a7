"""Production: everything that matters comes from the environment, and nothing is guessed.

The process refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

import re

from django.core.exceptions import ImproperlyConfigured

from cms.db.connection import ObservedConnection

from .base import *  # noqa: F403
from .base import env, with_our_engine

DEBUG = False


def _required(name: str) -> str:
    value = env.str(name, default="").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set in the environment for production (see docs/deployment.md)."
        )
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]

# Production runs on PostgreSQL; the SQLite default of base.py is only for local runs.
DATABASES = {
    "default": with_our_engine(
        env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/cms")
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

# Email goes to the host's mail relay unless EMAIL_URL names another server; never only printed.
vars().update(env.email_url("EMAIL_URL", default="smtp://127.0.0.1:25"))

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=3600)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Background tasks (publish webhooks, Wagtail's own) are stored in the database and run by
# `manage.py db_worker` (see docs/deployment.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Operations: health, outages, logging, rate limits (docs/deployment.md) ---

# A connection the database dropped while idle (a restart, a killed backend) is checked before a
# request reuses it, and replaced, instead of failing that request. Connecting gives up after
# DATABASE_CONNECT_TIMEOUT seconds, so an unreachable server is an outage (HTTP 503), not a hang.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(
    "DATABASE_CONNECT_TIMEOUT", default=5
)

# A pool of connections per process (psycopg_pool through Django). gunicorn fills a worker's pool
# to DATABASE_POOL_SIZE (default: its threads) before the worker serves (cms/gunicorn.py); other
# processes (the task worker, commands) keep one. Each connection is set up once, in the pool's
# thread, search dictionaries loaded (search/warm_up.py), so no request waits ~1 s for a new
# connection, and the pool replaces connections in the background after DATABASE_POOL_MAX_LIFETIME
# seconds. A request waits up to DATABASE_POOL_TIMEOUT seconds for a connection (after the
# database dropped them all, the pool makes new ones), then it is an outage (HTTP 503); while the
# pool's latest attempt to connect failed it waits half a second (cms/db/postgresql/base.py).
# DATABASE_POOL=false: a connection per thread kept CONN_MAX_AGE seconds. docs/deployment.md
# "Database connections".
DATABASE_POOL = env.bool("DATABASE_POOL", default=True)
if DATABASE_POOL and DATABASES["default"]["ENGINE"] == "cms.db.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections, not Django
    DATABASES["default"]["OPTIONS"]["pool"] = {
        "min_size": 1,
        "max_size": env.int("DATABASE_POOL_SIZE", default=env.int("GUNICORN_THREADS", default=4)),
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
        "max_lifetime": env.float("DATABASE_POOL_MAX_LIFETIME", default=3600.0),
        # A connection psycopg_pool failed to make for 5 s is given up, and the next request asks
        # for a new one at once: recovery does not wait out a growing back-off.
        "reconnect_timeout": 5.0,
        "connection_class": ObservedConnection,
        "name": "cms",
    }

# HSTS for subdomains and the preload directive: on, so `check --deploy` passes (W005, W021).
# With the default SECURE_HSTS_SECONDS of an hour both are easy to take back: browsers forget
# after an hour, and hstspreload.org accepts only a registrable domain (example.org, not
# cms.example.org) whose header says max-age of a year or more, so `preload` alone enrols
# nothing. Before raising SECURE_HSTS_SECONDS to a year on a registrable domain, make sure every
# subdomain serves HTTPS, or set these to false: a preloaded domain takes months to leave the
# browsers' lists. docs/deployment.md, "HSTS, introspection, GraphiQL".
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Load balancers probe the health checks over plain HTTP on the backend's own address.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Per-client rate limit of /graphql/, on by default in production (empty or 0 turns it off).
GRAPHQL_RATE_LIMIT = env.str("GRAPHQL_RATE_LIMIT", default="300/60")
if GRAPHQL_RATE_LIMIT.strip() not in ("", "0") and not re.fullmatch(
    r"\s*\d+\s*/\s*\d+\s*", GRAPHQL_RATE_LIMIT
):
    raise ImproperlyConfigured(
        f"GRAPHQL_RATE_LIMIT must be 'requests/seconds' (e.g. 300/60), empty or 0, "
        f"not {GRAPHQL_RATE_LIMIT!r} (see docs/deployment.md)."
    )

# --- Static files (docs/deployment.md "Static files") ---
# whitenoise serves STATIC_ROOT from the app itself, so a deployment needs no web server for
# them. `collectstatic` writes each file under a content-hashed name with .gz and .br copies next
# to it; whitenoise answers a hashed name with "max-age=315360000, public, immutable" (the
# name changes with the content) and the Brotli or gzip copy when Accept-Encoding asks for it.
# Right after SecurityMiddleware: its HTTPS redirect and headers still apply, and nothing else
# (sessions, CSRF, the database) runs for a static file.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Cache-Control max-age, in seconds, of static files asked for by their plain (un-hashed) name:
# short, because that name keeps its address when a deploy changes the content.
WHITENOISE_MAX_AGE = env.int("WHITENOISE_MAX_AGE", default=60)
