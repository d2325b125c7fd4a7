"""Headless preview: the editor's preview opens the frontend, which reads the draft by token.

1. In the page editor, Preview (the panel or "Preview in new tab") redirects to the frontend's
   preview address of the page's locale (PREVIEW_FRONTEND_URLS), with `?token=…`.
2. The frontend asks the API for `page(previewToken: $token)` and renders the answer with its
   usual page components: the types are the published page's types.

What the frontend shows is exactly what the editor sees: when Wagtail calls serve_preview with the
page built from the editor's form, saved or not, its serialised content (the JSON a revision
holds) is stored as a cms.PagePreview row, and the token names that row and its page. A preview
of an old revision from the page history stores that revision's content the same way.

A token is signed with SECRET_KEY (django.core.signing) and expires after PREVIEW_TOKEN_MAX_AGE
seconds; stored previews older than that are deleted whenever a new one is stored.
"""

import uuid
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import PagePreview

SALT = "cms.preview"
CACHE_CONTROL = "private, no-store"


class PreviewTokenError(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def make_token(page_id: int, preview_key: str) -> str:
    return signing.dumps({"page": page_id, "preview": str(preview_key)}, salt=SALT, compress=True)


def _invalid() -> PreviewTokenError:
    return PreviewTokenError("This preview token is not valid.", "PREVIEW_TOKEN_INVALID")


def read_token(token: str) -> tuple[int, uuid.UUID]:
    """(page id, stored preview key) of a valid token; PreviewTokenError otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewTokenError(
            "This preview link has expired; press Preview in the CMS again.",
            "PREVIEW_TOKEN_EXPIRED",
        ) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise _invalid() from None
    try:
        return int(data["page"]), uuid.UUID(str(data["preview"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _invalid() from None


def store_preview(page) -> str:
    """Keep the page as the editor sees it (its serialised content); the stored preview's key."""
    previews = PagePreview.objects
    oldest = timezone.now() - timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE)
    previews.filter(created_at__lt=oldest).delete()
    return str(previews.create(page_id=page.pk, content=page.serializable_data()).key)


def load_preview(token: str):
    """The page as the editor saw it (its specific type); PreviewTokenError if not."""
    page_id, key = read_token(token)
    oldest = timezone.now() - timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE)
    preview = PagePreview.objects.filter(key=key, page_id=page_id, created_at__gte=oldest).first()
    page = Page.objects.filter(pk=page_id).first() if preview is not None else None
    if page is None:
        raise PreviewTokenError(
            "The page or stored preview of this link no longer exists.", "PREVIEW_NOT_FOUND"
        )
    return page.specific.with_content_json(preview.content)


def frontend_preview_url(page) -> str | None:
    """The frontend's preview address for `page` as it is now in memory (stored), or None."""
    code = page.locale.language_code
    base = settings.PREVIEW_FRONTEND_URLS.get(code)
    if not base:
        return None
    query = urlencode(
        {
            "token": make_token(page.pk, store_preview(page)),
            "locale": code,
            "type": type(page).__name__,
        }
    )
    return f"{base}{'&' if '?' in base else '?'}{query}"


class FrontendPreviewMixin:
    """Wagtail's preview of a page, served by the frontend instead of a template."""

    @property
    def preview_modes(self):
        return [("", _("Frontend"))] if settings.PREVIEW_FRONTEND_URLS else []

    def serve_preview(self, request, mode_name):
        """`self` is the page built from the editor's form (or an old revision): store it."""
        if self.pk is None:
            response = HttpResponse(
                _("Save a draft first: the frontend can preview pages that exist."),
                content_type="text/plain; charset=utf-8",
            )
        else:
            url = frontend_preview_url(self)
            if url is None:
                response = HttpResponse(
                    _(
                        "No frontend preview address is set for '%(language)s' "
                        "(PREVIEW_FRONTEND_URLS)."
                    )
                    % {"language": self.locale.language_code},
                    content_type="text/plain; charset=utf-8",
                )
            else:
                response = HttpResponseRedirect(url)
        response["Cache-Control"] = CACHE_CONTROL
        return response
