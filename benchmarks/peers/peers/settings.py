"""The peers of `make bench`: one Wagtail site served by wagtail-grapple, Wagtail API v2 and a
plain JSON view, configured like this project's production (no DEBUG, persistent connections
with health checks, PostgreSQL) so the comparison is of the API layers, not of the settings.

What differs per run comes from the environment that benchmarks/bench.py sets: SECRET_KEY,
MEDIA_ROOT and the database (PEERS_DB_*).
"""

import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "cards",
    "wagtail.api.v2",
    "rest_framework",
    # grapple imports their models (its Redirect and Embed types).
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.snippets",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.users",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # After wagtail.snippets: its ready() registers the snippets grapple's ready() looks for.
    "grapple",
    "graphene_django",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "peers.urls"
WSGI_APPLICATION = "peers.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PEERS_DB_NAME", "cms_bench_peers"),
        "USER": os.environ.get("PEERS_DB_USER", "postgres"),
        "PASSWORD": os.environ.get("PEERS_DB_PASSWORD", ""),
        "HOST": os.environ.get("PEERS_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("PEERS_DB_PORT", "5432"),
        # As this project's production.py.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

USE_TZ = True
TIME_ZONE = "Europe/Prague"
LANGUAGE_CODE = "en"

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ["MEDIA_ROOT"]

WAGTAIL_SITE_NAME = "Bench peers"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Wagtail's background tasks (search index, reference index) are kept, never run: the bench
# searches nothing, and running them in each save would make the data build slow.
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# A 100-card page, as this project allows, for the query counts at 100 items.
WAGTAILAPI_LIMIT_MAX = 100

GRAPHENE = {"SCHEMA": "grapple.schema.schema"}
GRAPPLE = {"APPS": ["cards"], "MAX_PAGE_SIZE": 100}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
