"""Headless preview: the editor's preview opens the frontend, which reads the draft by token.

1. In the page editor, Preview (the panel or "Preview in new tab") redirects to the frontend's
   preview address of the page's locale (PREVIEW_FRONTEND_URLS), with `?token=…`.
2. The frontend asks the API for `page(previewToken: $token)` and renders the answer with its
   usual page components: the types are the published page's types.

A token is signed with SECRET_KEY (django.core.signing), names one page and one of its revisions
(the latest saved one when the editor pressed Preview) and expires after PREVIEW_TOKEN_MAX_AGE
seconds. The preview shows the last saved draft: save the draft to see unsaved edits.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.http import HttpResponse, HttpResponseRedirect

SALT = "cms.preview"
CACHE_CONTROL = "private, no-store"


class PreviewTokenError(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def make_token(page_id: int, revision_id: int) -> str:
    return signing.dumps({"page": page_id, "revision": revision_id}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, int]:
    """(page id, revision id) of a valid token; PreviewTokenError otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewTokenError(
            "This preview link has expired; press Preview in the CMS again.",
            "PREVIEW_TOKEN_EXPIRED",
        ) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise PreviewTokenError(
            "This preview token is not valid.", "PREVIEW_TOKEN_INVALID"
        ) from None
    try:
        return int(data["page"]), int(data["revision"])
    except (KeyError, TypeError, ValueError):
        raise PreviewTokenError(
            "This preview token is not valid.", "PREVIEW_TOKEN_INVALID"
        ) from None


def load_preview(token: str):
    """The page as it is in the token's revision (its specific type); PreviewTokenError if not."""
    from wagtail.models import Page, Revision

    page_id, revision_id = read_token(token)
    page = Page.objects.filter(pk=page_id).first()
    revision = Revision.page_revisions.filter(pk=revision_id, object_id=str(page_id)).first()
    if page is None or revision is None:
        raise PreviewTokenError(
            "The page or revision of this preview no longer exists.", "PREVIEW_NOT_FOUND"
        )
    return revision.as_object()


def frontend_preview_url(page, revision_id: int) -> str | None:
    code = page.locale.language_code
    base = settings.PREVIEW_FRONTEND_URLS.get(code)
    if not base:
        return None
    query = urlencode(
        {"token": make_token(page.pk, revision_id), "locale": code, "type": type(page).__name__}
    )
    return f"{base}{'&' if '?' in base else '?'}{query}"


class FrontendPreviewMixin:
    """Wagtail's preview of a page, served by the frontend instead of a template."""

    @property
    def preview_modes(self):
        return [("", "Frontend")] if settings.PREVIEW_FRONTEND_URLS else []

    def serve_preview(self, request, mode_name):
        from wagtail.models import Page

        saved = Page.objects.filter(pk=self.pk).select_related("locale").first()
        revision_id = saved.latest_revision_id if saved else None
        if revision_id is None:
            response = HttpResponse(
                "Save a draft first: the frontend previews the saved draft.",
                content_type="text/plain; charset=utf-8",
            )
        else:
            url = frontend_preview_url(saved.specific_deferred, revision_id)
            if url is None:
                response = HttpResponse(
                    f"No frontend preview address is set for '{saved.locale.language_code}' "
                    "(PREVIEW_FRONTEND_URLS).",
                    content_type="text/plain; charset=utf-8",
                )
            else:
                response = HttpResponseRedirect(url)
        response["Cache-Control"] = CACHE_CONTROL
        return response
