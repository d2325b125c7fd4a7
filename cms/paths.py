"""Public paths and frontend URLs of pages outside a GraphQL request (feeds, webhooks, preview).

They match the API's `path` and `url` fields: /<locale>/<slugs below the locale's home>/.
"""

from django.conf import settings
from wagtail.models import Page


def public_path(page: Page) -> str:
    below_home = page.url_path.split("/", 2)[2] if page.depth > 2 else ""
    return f"/{page.locale.language_code}/{below_home}"


def frontend_url(page: Page) -> str | None:
    """The page's absolute frontend URL when FRONTEND_BASE_URLS has its locale, else None."""
    code = page.locale.language_code
    base = settings.FRONTEND_BASE_URLS.get(code)
    if not base:
        return None
    return base.rstrip("/") + public_path(page)[len(code) + 1 :]
