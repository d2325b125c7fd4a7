"""Local development: `make run`. Never used in production."""

from .base import *  # noqa: F403
from .base import BASE_DIR, LANGUAGES, env

DEBUG = env.bool("DEBUG", default=True)
# A fixed key is fine for a local server that only listens on 127.0.0.1.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

# The SQLite database and uploaded media live in var/, which git ignores.
(BASE_DIR / "var").mkdir(exist_ok=True)

# Machine translation: the dummy translator unless the environment configures a real one.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(default="dummy")  # noqa: F405

# Background tasks run in the server process; a task due later (a webhook retry after its
# backoff, a publication at its go-live moment) waits on a timer thread instead of holding the
# editor's request (cms/tasks.py). Production uses django-tasks-db and the worker.
TASKS = {"default": {"BACKEND": "cms.tasks.DeferringImmediateBackend"}}

# Webhook receivers of a local setup run on this machine over http (cms/webhooks/addresses.py);
# production allows neither.
WEBHOOK_ALLOW_HTTP = env.bool("WEBHOOK_ALLOW_HTTP", default=True)
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", default=True)

# Preview works out of the box: the editor's Preview opens the built-in reference frontend at
# /preview/ (cms/preview_frontend.py), which renders the draft from the public API. Point
# PREVIEW_FRONTEND_URLS at your own frontend to preview there instead.
PREVIEW_REFERENCE_FRONTEND = env.bool("PREVIEW_REFERENCE_FRONTEND", default=True)
PREVIEW_FRONTEND_URLS = env.dict(
    "PREVIEW_FRONTEND_URLS",
    default={code: "/preview/" for code, _name in LANGUAGES},
)
