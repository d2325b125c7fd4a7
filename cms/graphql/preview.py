"""`page(previewToken:)`: the page as the editor saw it in the preview (unsaved edits included),
with the published page's types; its inline lists are read from memory (PREVIEW_ATTR).

Tokens are made and checked in cms/preview.py. Every answer to a query with a preview token
carries Cache-Control: private, no-store, whether it succeeds or not, so no cache keeps a draft.
"""

from strawberry.types import Info

from cms.graphql.context import PREVIEW_ATTR, context
from cms.graphql.errors import ApiError, InvalidArgument, checked_text
from cms.preview import CACHE_CONTROL, PreviewTokenError, load_preview


def preview_page(info: Info, token: str, *, path=None, id=None):
    ctx = context(info)
    if ctx.response is not None:
        ctx.response["Cache-Control"] = CACHE_CONTROL
    if path is not None or id is not None:
        raise InvalidArgument("Give `previewToken` alone, without `path` or `id`.")
    try:
        page = load_preview(checked_text(token, "previewToken"))
    except PreviewTokenError as error:
        raise ApiError(str(error), code=error.code) from None
    setattr(page, PREVIEW_ATTR, True)
    locale = next(loc for loc in ctx.locales.values() if loc.pk == page.locale_id)
    return ctx.remember([page], locale, False)[0]
