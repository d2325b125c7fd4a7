"""Settings shared by every environment.

Values come from the environment (django-environ) and are safe by default: DEBUG is off and
nothing here holds a secret. dev.py, test.py and production.py add what differs.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

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

# SQLite in a gitignored file is the embedded default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
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
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

# A new translation starts as a draft: it goes live only when a reviewer approves it (the
# "Translation review" workflow, docs/translation.md), never with the source's text in it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
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

# Headless preview (cms/preview.py): the frontend's preview address per locale, e.g.
# "en=https://example.org/api/preview,cs=https://example.org/api/preview"; the editor's Preview
# opens it with ?token=…. Without it the preview is off. Tokens expire after this many seconds.
PREVIEW_FRONTEND_URLS = env.dict("PREVIEW_FRONTEND_URLS", default={})
PREVIEW_TOKEN_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", default=3600)

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
