"""Settings shared by every environment.

Values come from the environment (django-environ) and are safe by default: DEBUG is off and
nothing here holds a secret. dev.py, test.py and production.py add what differs.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from cms.db import with_our_engine

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
# A local .env file is a convenience for developers; real deployments set the environment.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "cms",
    # Before wagtail_localize: it overrides the translation editor's template.
    "cms.translation",
    "cms.webhooks",
    "home",
    "events",
    "people",
    "search",
    "wagtail_localize",
    # Replaces wagtail.locales: the same locale admin, plus syncing translations on locale add.
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "strawberry_django",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Failed admin logins, counted in the database ("Admin login throttling" at the end).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a login refused by django-axes into the lockout page (HTTP 429).
    "axes.middleware.AxesMiddleware",
]

# django-axes' backend first: it refuses a locked-out username and address before the password
# is checked; ModelBackend then authenticates and answers permissions as before.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite in a gitignored file is the embedded default; DATABASE_URL switches to PostgreSQL, on
# Django's backend plus a signal for each new connection (cms/db: the search warm-up uses it).
DATABASES = {
    "default": with_our_engine(
        env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
    ),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language, Czech and Ukrainian are translations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("cs", _("Czech")),
    ("uk", _("Ukrainian")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
# The admin speaks the user's "Preferred language" (Account → Preferences), one of these: the
# project's own admin strings are translated into exactly these (locale/, compiled by `make
# messages`; docs/translation.md "The admin in Czech and Ukrainian").
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Events happen in Prague and Brno: admin date entry and naive values default to Prague time.
TIME_ZONE = "Europe/Prague"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Czech–Ukrainian Digital Innovation")
# The admin makes no calls to other hosts: avatars are uploaded, not fetched from gravatar.com,
# and the admin does not ask releases.wagtail.org for updates (slow or failing offline; upgrades
# are pinned in constraints.txt). Both can be turned back on from the environment.
WAGTAIL_GRAVATAR_PROVIDER_URL = env.str("WAGTAIL_GRAVATAR_PROVIDER_URL", default=None)
WAGTAIL_ENABLE_UPDATE_CHECK = env.bool("WAGTAIL_ENABLE_UPDATE_CHECK", default=False)
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")

# Email (workflow notifications to reviewers, password resets): EMAIL_URL as django-environ reads
# it, e.g. "smtp+tls://user:password@smtp.example.org:587" or "consolemail://" (printed to the
# console: the default outside production). Notifications come from DEFAULT_FROM_EMAIL.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Czech–Ukrainian Digital Innovation CMS <cms@localhost>"
)
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

# A new translation starts as a draft: it goes live only when a reviewer approves it (the
# "Translation review" workflow, docs/translation.md), never with the source's text in it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# One line per record on the console (stderr), with the request id of the API request it was
# logged in ("-" outside one): "2025-05-01 10:00:00,123 WARNING cms.graphql [3f2a…] GraphQL
# client error: operation=Cards codes=GRAPHQL_VALIDATION_FAILED message=…". Tracebacks follow
# only records of unexpected errors. docs/deployment.md, "Logging and request ids".
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cms.logs.RequestIdFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        }
    },
    # WARNING by default: Wagtail logs every background task and page action at INFO.
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- API -------------------------------------------------------------------------------------

# Frontend address of each locale's home, e.g. "en=https://example.org/en,cs=https://example.org/cs";
# pages then carry absolute URLs. Without it, `url` is null and frontends build links from `path`.
FRONTEND_BASE_URLS = env.dict("FRONTEND_BASE_URLS", default={})

# Renditions the public may ask for. Anything else is refused, so nobody can make the server
# generate arbitrary image sizes. load_demo_content creates all of them for the demo images.
IMAGE_RENDITION_SPECS = ["fill-160x160", "fill-480x270", "fill-960x540", "width-800", "width-1600"]
IMAGE_SRCSET_WIDTHS = [480, 960, 1600]
IMAGE_FORMATS = ["webp", "jpeg"]

# Browsers on the frontends' origins may call the API (and only the API).
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/graphql/$"
CORS_ALLOW_METHODS = ["GET", "POST", "OPTIONS"]

STRAWBERRY_DJANGO = {
    "FIELD_DESCRIPTION_FROM_HELP_TEXT": True,
    "TYPE_DESCRIPTION_FROM_MODEL_DOCSTRING": True,
    "GENERATE_ENUMS_FROM_CHOICES": False,
    "PAGINATION_DEFAULT_LIMIT": 20,
    "PAGINATION_MAX_LIMIT": 100,
}

# --- Search (search/, docs/search.md) --------------------------------------------------------

# Wagtail's database backend with a PostgreSQL text search configuration per locale (unaccent;
# English stemming, Czech and Ukrainian Hunspell; created by search's migration). On SQLite the
# same setting gives Wagtail's SQLite backend. OpenSearch: see docs/search.md.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "cms_search",
        "LOCALE_CONFIGS": {"en": "cms_en", "cs": "cms_cs", "uk": "cms_uk"},
        "AUTOCOMPLETE_CONFIG": "cms_autocomplete",
    }
}
# Longest search query accepted, in characters, and most words used from it.
SEARCH_MAX_QUERY_LENGTH = 200
SEARCH_MAX_TERMS = 12
# Load the Czech and Ukrainian Hunspell dictionaries when a database connection opens, so no
# search waits for them (search/warm_up.py; docs/deployment.md "Search dictionaries warm-up").
SEARCH_WARM_UP = env.bool("SEARCH_WARM_UP", default=True)
# A lexeme in at least this many index entries gets postings, from which searches for it are
# ranked without scoring each match (search/postings.py; 0: none); they are refreshed by a task
# at most every SEARCH_POSTINGS_REFRESH_SECONDS after a publish (0: only by
# `manage.py refresh_search_postings`). docs/search.md, "Frequent words".
SEARCH_POSTINGS_MIN_ENTRIES = env.int("SEARCH_POSTINGS_MIN_ENTRIES", default=2000)
SEARCH_POSTINGS_REFRESH_SECONDS = env.int("SEARCH_POSTINGS_REFRESH_SECONDS", default=3600)
# Editors pin pages to search queries (Settings → Promoted search results); pinned come first.
INSTALLED_APPS += ["wagtail.contrib.search_promotions"]

# --- Background tasks, publish webhooks, preview (cms/webhooks/, cms/preview.py) ----------

# django-tasks (Wagtail 8 runs its own background work through it too). Immediate: tasks run in
# the request that enqueues them, no worker needed (dev, tests). production.py switches to the
# database backend, whose tasks `manage.py db_worker` runs.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Publish webhooks: seconds to wait for a receiver, attempts in all, and the first retry delay
# (doubled after each failure: 30 s, 1 min, 2 min, 4 min with the defaults).
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=5)
WEBHOOK_RETRY_BASE_SECONDS = env.float("WEBHOOK_RETRY_BASE_SECONDS", default=30.0)

# --- Machine translation (docs/translation.md) -----------------------------------------------

# wagtail-localize's "Translate with …" button. MACHINE_TRANSLATOR picks the service: "deepl"
# (needs DEEPL_AUTH_KEY), "libretranslate" (needs LIBRETRANSLATE_URL, optional
# LIBRETRANSLATE_API_KEY), "dummy" (reverses words; development and tests) or empty for none.
# Without MACHINE_TRANSLATOR, a DeepL key or a LibreTranslate URL chooses that service; else none
# (production), while dev.py and test.py default to the dummy translator.


def machine_translator_setting(default: str = "") -> dict | None:
    kind = env.str("MACHINE_TRANSLATOR", default="").strip().lower()
    if not kind:
        if env.str("DEEPL_AUTH_KEY", default=""):
            kind = "deepl"
        elif env.str("LIBRETRANSLATE_URL", default=""):
            kind = "libretranslate"
        else:
            kind = default
    if kind == "deepl":
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": env.str("DEEPL_AUTH_KEY")},
        }
    if kind == "libretranslate":
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": env.str("LIBRETRANSLATE_URL"),
                "API_KEY": env.str("LIBRETRANSLATE_API_KEY", default=""),
            },
        }
    if kind == "dummy":
        return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    return None


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting()

# --- Keeping translations current (cms/translation/sync.py, digest.py; docs/translation.md) ---

# When an editor publishes an English page or translatable snippet, its translations are synced
# in the background into draft revisions (never published: a live translation keeps its text
# until a reviewer approves the updated draft). Off: translators use "Update from source".
TRANSLATION_AUTO_SYNC = env.bool("TRANSLATION_AUTO_SYNC", default=True)
# `manage.py send_translation_digest` (daily): each translator is emailed what changed in the
# sources of their locale since their last digest. Off: the command sends nothing.
TRANSLATION_DIGEST_ENABLED = env.bool("TRANSLATION_DIGEST_ENABLED", default=True)

# --- end of keeping translations current ---

# Headless preview (cms/preview.py): the frontend's preview address per locale, e.g.
# "en=https://example.org/api/preview,cs=https://example.org/api/preview"; the editor's Preview
# opens it with ?token=…. Without it the preview is off. Tokens expire after this many seconds.
# An address may be a path on the CMS itself ("/preview/"), which works on any host and port.
PREVIEW_FRONTEND_URLS = env.dict("PREVIEW_FRONTEND_URLS", default={})
PREVIEW_TOKEN_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", default=3600)
# The built-in reference preview frontend at /preview/ (cms/preview_frontend.py), the worked
# example for frontend developers; off unless turned on (on in cms/settings/dev.py).
PREVIEW_REFERENCE_FRONTEND = env.bool("PREVIEW_REFERENCE_FRONTEND", default=False)

# --- API limits (cms/graphql/limits.py, cms/graphql/view.py; docs/deployment.md "API limits") --

# What one GraphQL request may ask for. Everything but MAX_BODY_BYTES is checked on the parsed
# document before validation, resolvers or SQL, and refused with a GraphQL error of its own
# `extensions.code` (HTTP 200, like other validation errors); MAX_BODY_BYTES is checked by the view
# before decoding and answered HTTP 400. Each can be set from the environment (GRAPHQL_MAX_…).
GRAPHQL_LIMITS = {
    # The POST body (query, variables and all), in bytes. BODY_TOO_LARGE.
    "MAX_BODY_BYTES": env.int("GRAPHQL_MAX_BODY_BYTES", default=100_000),
    # The query text in UTF-8 bytes, checked before it is parsed; our frontends' largest queries
    # are about 1 KB. DOCUMENT_TOO_LARGE.
    "MAX_DOCUMENT_BYTES": env.int("GRAPHQL_MAX_DOCUMENT_BYTES", default=20_000),
    # Tokens (names, punctuation, values, comments): the parser stops after this many, so the
    # work before any other check stays small. TOO_MANY_TOKENS.
    "MAX_TOKENS": env.int("GRAPHQL_MAX_TOKENS", default=2_000),
    # Levels of selection sets below the root fields (`{ events { results { title } } }` is 2);
    # relations nest without end (subEvents { parentEvent { subEvents … } }). QUERY_TOO_DEEP.
    "MAX_DEPTH": env.int("GRAPHQL_MAX_DEPTH", default=10),
    # Aliased fields, fragments counted at each spread: aliases repeat expensive fields under
    # other names. TOO_MANY_ALIASES.
    "MAX_ALIASES": env.int("GRAPHQL_MAX_ALIASES", default=30),
    # Fields selected, fragments counted at each spread (as they are executed). TOO_MANY_FIELDS.
    "MAX_FIELDS": env.int("GRAPHQL_MAX_FIELDS", default=500),
    # Estimated cost: 1 per field plus what it selects, times the page size for a listing's
    # results and ASSUMED_LIST_SIZE for other lists. The largest page a frontend asks for, 100
    # event cards with image, topics, organisers, speakers, breadcrumbs and translations
    # (tests/cms/test_query_counts.py), costs 10,403 and a 20-card page 2,083; 15,000 allows the
    # largest page with room for a few detail fields, and refuses two such pages in one request,
    # a page of 100 inside a page of 100 (10,000+) with more than a few fields, or the 1,000
    # aliased 100-item listings of the issue (103,000). QUERY_TOO_COSTLY.
    "MAX_COST": env.int("GRAPHQL_MAX_COST", default=15_000),
    # Items counted for a list without pagination (topics, speakers, breadcrumbs, body blocks).
    "ASSUMED_LIST_SIZE": env.int("GRAPHQL_ASSUMED_LIST_SIZE", default=10),
    # Items in one list of an argument or variable (ordering, widths, types); none of ours needs
    # more than a handful. LIST_TOO_LONG.
    "MAX_LIST_LENGTH": env.int("GRAPHQL_MAX_LIST_LENGTH", default=20),
    # Levels of lists and objects in one argument or variable (filters nest AND/OR/NOT).
    # INPUT_TOO_DEEP.
    "MAX_INPUT_DEPTH": env.int("GRAPHQL_MAX_INPUT_DEPTH", default=10),
}

# --- Webhook safety and worker recovery (cms/webhooks) ---
# docs/deployment.md "Publish webhooks" and "Background worker and scheduled publishing".

# Where webhooks may go (cms/webhooks/addresses.py): https only, to hosts whose every address is
# public. Both stay off in production: an editor's endpoint URL must not reach the cloud metadata
# service, the database or anything else inside our network (server-side request forgery), and
# plain http would send the signed payload in clear. dev.py and test.py turn them on: their
# receivers listen on 127.0.0.1 over http. WEBHOOK_ALLOW_PRIVATE_ADDRESSES admits loopback,
# private (RFC 1918, fc00::/7) and shared (100.64/10) addresses only; metadata, link-local,
# multicast and reserved addresses are refused whatever it says.
WEBHOOK_ALLOW_HTTP = env.bool("WEBHOOK_ALLOW_HTTP", default=False)
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", default=False)

# An attempt holds its delivery for WEBHOOK_TIMEOUT_SECONDS + this margin (DNS, the database
# writes); still unfinished after that, its worker is taken for dead and the delivery is sent
# again by the reconciliation (cms/webhooks/recovery.py). A delivery with no task is re-enqueued
# once it is this much overdue.
WEBHOOK_RECOVERY_MARGIN_SECONDS = env.float("WEBHOOK_RECOVERY_MARGIN_SECONDS", default=60.0)
# `manage.py run_worker` runs the reconciliation when it starts and every this many seconds.
WEBHOOK_RECONCILE_INTERVAL_SECONDS = env.float("WEBHOOK_RECONCILE_INTERVAL_SECONDS", default=60.0)
# After a database error `manage.py run_worker` closes its connections and starts again after a
# wait that doubles from the first to the longest value (seconds).
WORKER_RESTART_DELAY_SECONDS = env.float("WORKER_RESTART_DELAY_SECONDS", default=1.0)
WORKER_RESTART_MAX_DELAY_SECONDS = env.float("WORKER_RESTART_MAX_DELAY_SECONDS", default=60.0)

# --- Content safety: images and rich text ---
# docs/graphql.md "Rich text" (what the API gives out); cms/sanitise.py, cms/images.py.

# Rich text leaves the API cleaned with an allowlist (cms/sanitise.py, nh3): the tags, attributes
# and URL schemes the editors' rich-text features produce; nothing to configure here.

# Image uploads in the admin (single, multiple, chooser, "Change image file"): at most this many
# pixels (width × height × frames), checked from the file's header before anything is decoded,
# so nobody can make the server decode a huge image; files the image library cannot read whole
# are form errors too (cms/images.py), never a server error. Wagtail's own default is 128 million.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", default=40_000_000)
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.images.ImageForm"

# --- Image renditions (cms/renditions.py; docs/deployment.md "Image renditions") ---
# The background worker makes every allowlisted rendition (IMAGE_RENDITION_SPECS above) when an
# image is saved or a page or snippet using it is published; a public read never makes one.
# Until it exists the API gives the URL of the on-demand view (/images/…), which makes it.
# Renditions one client (address, as GRAPHQL_RATE_LIMIT_TRUSTED_PROXIES reads it) may have made
# on demand per window, "renditions/seconds"; beyond it HTTP 429. Serving a rendition that exists
# is not counted. Empty or 0 is off.
IMAGE_ON_DEMAND_RATE_LIMIT = env.str("IMAGE_ON_DEMAND_RATE_LIMIT", default="60/60")
# Cache-Control max-age of what the on-demand view serves (its URL changes with the file and
# the focal point, so it can be cached for long).
IMAGE_ON_DEMAND_CACHE_SECONDS = env.int("IMAGE_ON_DEMAND_CACHE_SECONDS", default=31_536_000)
# A read that finds renditions missing enqueues their generation at most this often per image.
IMAGE_RENDITION_REQUEUE_SECONDS = env.int("IMAGE_RENDITION_REQUEUE_SECONDS", default=600)

# --- Operations: health, outages, logging, rate limits ---
# docs/deployment.md "Health checks", "Outages", "Logging and request ids", "Rate limits",
# "HSTS, introspection, GraphiQL"; cms/health.py, cms/logs.py, cms/graphql/failures.py,
# cms/graphql/ratelimit.py, cms/graphql/introspection.py.

# The cache: CACHES is built in "Caching and persisted queries" below (REDIS_URL, CACHE_URL).

# Seconds a client is told to wait (Retry-After) when the API or /readyz answers 503 because
# the database is unavailable.
OUTAGE_RETRY_AFTER_SECONDS = env.int("OUTAGE_RETRY_AFTER_SECONDS", default=5)
# /readyz: the longest its database query may take before the server counts as not ready.
HEALTH_CHECK_TIMEOUT_SECONDS = env.float("HEALTH_CHECK_TIMEOUT_SECONDS", default=2.0)

# Per-client rate limit of /graphql/: "requests/seconds" (e.g. "300/60"); empty or 0 is off.
# Off here (development, tests); production.py turns it on. Requests beyond it answer 429.
GRAPHQL_RATE_LIMIT = env.str("GRAPHQL_RATE_LIMIT", default="")
# Proxies in front of the app that append to X-Forwarded-For (0: clients connect directly and
# REMOTE_ADDR is the client). Never more than there really are: the header is client-written.
GRAPHQL_RATE_LIMIT_TRUSTED_PROXIES = env.int("GRAPHQL_RATE_LIMIT_TRUSTED_PROXIES", default=0)
# The CACHES alias holding the counters.
GRAPHQL_RATE_LIMIT_CACHE = env.str("GRAPHQL_RATE_LIMIT_CACHE", default="default")

# Introspection (__schema, __type): on, the frontends generate their types from it and the schema
# is public anyway (schema.graphql). Off, such queries fail with INTROSPECTION_DISABLED.
GRAPHQL_INTROSPECTION = env.bool("GRAPHQL_INTROSPECTION", default=True)
# GraphiQL at GET /graphql/ for browsers: unset follows DEBUG (on in dev, off elsewhere).
GRAPHIQL = env.bool("GRAPHIQL", default=None)

# --- Admin login throttling (django-axes) ---
# docs/deployment.md "Admin login throttling". django-axes (INSTALLED_APPS, its middleware last in
# MIDDLEWARE, its backend first in AUTHENTICATION_BACKENDS) counts the failed logins of the admin's
# login form, and of any other authenticate() call given the request, in the database: the
# axes.AccessAttempt rows are shared by every process and outlive restarts and deploys. After
# AXES_FAILURE_LIMIT failures for one username from one address within the cool-off, the next
# attempts for that username from that address are refused, the right password included, with
# HTTP 429 and the admin's login page saying in how many minutes to try again.

from datetime import timedelta  # noqa: E402

from django.core.exceptions import ImproperlyConfigured  # noqa: E402

AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Failed logins answered normally (the form's error); the attempt after them is refused.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# How long the refusal lasts, from the last failure that counted; failures older than this are
# forgotten (and deleted at the next login event).
_axes_cooloff_minutes = env.int("AXES_COOLOFF_MINUTES", default=15)
if AXES_FAILURE_LIMIT < 1 or _axes_cooloff_minutes < 1:
    raise ImproperlyConfigured(
        "AXES_FAILURE_LIMIT and AXES_COOLOFF_MINUTES must be at least 1 (docs/deployment.md)."
    )
AXES_COOLOFF_TIME = timedelta(minutes=_axes_cooloff_minutes)
# Counted per username *and* address. Per username alone, anyone who knows an editor's user name
# could lock them out of the admin from everywhere, for as long as they keep failing; per address
# alone, one guesser behind an office's or a mobile network's shared address would lock out
# every editor there. Per both, each guesser gets AXES_FAILURE_LIMIT guesses per username per
# cool-off and the editor still signs in from their own address. The price: guesses spread over
# many addresses are slowed per address only (strong passwords still matter).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A successful login forgets that username's failures from that address.
AXES_RESET_ON_SUCCESS = True
# Attempts refused during a lockout are not counted and do not prolong it, so it ends when the
# page says, however often the editor retries.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Only failures are stored; successful logins and logouts are not logged by axes (no table of
# editors' addresses growing for ever).
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "cms.login_throttling.lockout_response"
# The client's address (cms/login_throttling.py). Proxies in front of the app that append
# to X-Forwarded-For; 0 (the default): REMOTE_ADDR is the client and the header is ignored.
# Never more than there really are: the header is written by the client. Behind a proxy with
# 0, every attempt comes from the proxy's address and the lockout becomes one per username.
AXES_TRUSTED_PROXIES = env.int("AXES_TRUSTED_PROXIES", default=0)
AXES_CLIENT_IP_CALLABLE = "cms.login_throttling.client_ip"

# --- Caching and persisted queries ---
# docs/deployment.md "Caching"; docs/graphql.md "Caching and persisted queries"; cms/cache.py,
# cms/content_version.py, cms/invalidation.py, cms/graphql/response_cache.py,
# cms/graphql/persisted.py.


def redis_cache_setting(url: str, key_prefix: str = "cms") -> dict:
    """Django's Redis cache, whose outages read as misses (cms/cache.py). The sockets give up
    quickly: a Redis that hangs must not hang the API."""
    return {
        "BACKEND": "cms.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT_SECONDS", default=0.25),
            "socket_timeout": env.float("REDIS_SOCKET_TIMEOUT_SECONDS", default=0.5),
            # After a connection or timeout error Redis is not asked again for this long.
            "RETRY_AFTER_SECONDS": env.float("REDIS_RETRY_AFTER_SECONDS", default=2.0),
        },
    }


# REDIS_URL ("redis://host:6379/0", "rediss://…" for TLS): the cache every process shares, and
# the one production wants: the content version, cached answers, persisted queries and rate
# limit counters are then the same for every worker. Else CACHE_URL (django-environ, e.g.
# "dbcache://cms_cache" after `manage.py createcachetable`), else local memory, per process.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": redis_cache_setting(REDIS_URL, env.str("CACHE_KEY_PREFIX", default="cms"))}
else:
    CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
_shared_cache = not CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache"))

# Cached answers of anonymous GraphQL queries (never mutations, previews or answers with
# errors), keyed by the normalised document, variables, site and the content version, which a
# publish changes (cms/invalidation.py). On by default when the cache is shared: with a
# per-process cache a publish would retire the answers of one worker only. TIMEOUT: seconds an
# answer is kept (a publish retires it sooner). CACHE: the CACHES alias.
GRAPHQL_RESPONSE_CACHE = {
    "ENABLED": env.bool("GRAPHQL_RESPONSE_CACHE", default=_shared_cache),
    "TIMEOUT": env.int("GRAPHQL_RESPONSE_CACHE_TIMEOUT", default=3600),
    "CACHE": "default",
}
# The site of a host, its locale roots and view restrictions, and the locales, kept by each
# process for one content version instead of four queries per request (cms/graphql/lookups.py).
# On by default when the cache is shared, for the same reason as the response cache.
GRAPHQL_LOOKUP_MEMO = env.bool("GRAPHQL_LOOKUP_MEMO", default=_shared_cache)

# HTTP caching of successful anonymous GET answers: `Cache-Control: public, max-age=…,
# s-maxage=…, stale-while-revalidate=…` with an ETag; If-None-Match answers 304 from the cached
# answer without running the query. max-age 0: browsers ask again each time (a cheap 304);
# s-maxage: seconds a CDN or proxy may answer alone (it does not see a publish); then it may serve
# the stale answer for stale-while-revalidate seconds while it asks again.
GRAPHQL_HTTP_CACHE_MAX_AGE = env.int("GRAPHQL_HTTP_CACHE_MAX_AGE", default=0)
GRAPHQL_HTTP_CACHE_S_MAXAGE = env.int("GRAPHQL_HTTP_CACHE_S_MAXAGE", default=10)
GRAPHQL_HTTP_CACHE_STALE_WHILE_REVALIDATE = env.int(
    "GRAPHQL_HTTP_CACHE_STALE_WHILE_REVALIDATE", default=30
)

# Persisted queries (cms/graphql/persisted.py): "off"; "apq", Apollo's automatic persisted
# queries (any document runs; a client may send its sha256 instead of its text once the server
# has seen it); "allowlist", only documents registered with `manage.py
# register_persisted_queries` run (recommended in production once the frontends' builds
# register their documents). Seconds a document sent by a client is kept for APQ:
GRAPHQL_PERSISTED_QUERIES = env.str("GRAPHQL_PERSISTED_QUERIES", default="apq").strip().lower()
if GRAPHQL_PERSISTED_QUERIES not in ("off", "apq", "allowlist"):
    raise ImproperlyConfigured(
        "GRAPHQL_PERSISTED_QUERIES must be off, apq or allowlist, not "
        f"{GRAPHQL_PERSISTED_QUERIES!r} (docs/deployment.md)."
    )
GRAPHQL_APQ_TIMEOUT = env.int("GRAPHQL_APQ_TIMEOUT", default=7 * 24 * 3600)


def frontend_cache_setting() -> dict:
    """WAGTAILFRONTENDCACHE from the environment: a purge request per published page URL to an
    HTTP cache (Varnish, nginx), Cloudflare or CloudFront. {} when none is configured."""
    backends = {}
    if purge_url := env.str("FRONTEND_CACHE_PURGE_URL", default=""):
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    if zone := env.str("FRONTEND_CACHE_CLOUDFLARE_ZONEID", default=""):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env.str("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": zone,
        }
    if distribution := env.str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", default=""):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    hostnames = env.list("FRONTEND_CACHE_HOSTNAMES", default=[])
    if hostnames:
        for backend in backends.values():
            backend["HOSTNAMES"] = hostnames
    return backends


# wagtail.contrib.frontend_cache is installed only when a purge backend is configured.
WAGTAILFRONTENDCACHE = frontend_cache_setting()
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]

# --- Media storage: local disk or S3-compatible object storage ---
# docs/deployment.md "Media on S3-compatible storage". With AWS_STORAGE_BUCKET_NAME set, uploads
# (original images, renditions, documents: Wagtail keeps them all in STORAGES["default"]) go to
# that bucket through django-storages; without it, to MEDIA_ROOT. django-storages reads the
# AWS_* settings below, and the credentials straight from the environment (AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), or boto3 finds them (instance role, ~/.aws).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
# The service's address for a provider other than AWS (MinIO, Ceph, Hetzner, OVH, R2, …).
AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
# "path" for services that have no per-bucket host names (many self-hosted ones); unset: boto3's.
AWS_S3_ADDRESSING_STYLE = env.str("AWS_S3_ADDRESSING_STYLE", default="") or None
# A host name (a CDN, or the bucket's own public name) that media URLs use instead of the
# endpoint's, e.g. "media.example.org"; over https unless AWS_S3_URL_PROTOCOL says "http:".
AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
AWS_S3_URL_PROTOCOL = env.str("AWS_S3_URL_PROTOCOL", default="https:")
# A folder in the bucket for this site's files, when the bucket is shared.
AWS_LOCATION = env.str("AWS_LOCATION", default="")
# Off: media URLs are plain object URLs (a public-read bucket or a CDN in front). Signed URLs
# expire (AWS_QUERYSTRING_EXPIRE seconds), and the API's answers and the frontends' pages that
# carry them are cached for longer than that. On, for a private bucket: every URL is signed.
AWS_QUERYSTRING_AUTH = env.bool("AWS_QUERYSTRING_AUTH", default=False)
AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=3600)
# The bucket's policy decides who may read; no per-object ACL (many buckets refuse them).
AWS_DEFAULT_ACL = env.str("AWS_DEFAULT_ACL", default="") or None
# Not configurable: with overwriting, two uploads of "photo.jpg" would share one object, and
# deleting either image would delete the other's file. A taken name gets a suffix instead.
AWS_S3_FILE_OVERWRITE = False
# Browsers and CDNs keep media for a day: a name is never reused for other content while its
# object exists (see above), and renditions are named by image and spec.
AWS_S3_OBJECT_PARAMETERS = {
    "CacheControl": env.str("AWS_S3_CACHE_CONTROL", default="max-age=86400")
}
# Documents are downloaded through Wagtail's view (/documents/<id>/<name>), which checks the
# collection's privacy, then answers with a redirect to the file's storage URL (signed when
# AWS_QUERYSTRING_AUTH is on): the bytes come from the object store, not through a worker
# thread. On local disk the view serves the file itself. "direct" would skip the privacy check.
WAGTAILDOCS_SERVE_METHOD = env.str(
    "WAGTAILDOCS_SERVE_METHOD", default="redirect" if AWS_STORAGE_BUCKET_NAME else "serve_view"
)
