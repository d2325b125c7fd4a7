"""`page(previewToken:)`: the page as the editor saw it in the preview (unsaved edits included),
with the published page's types; it is registered as held in memory, so its inline lists are
read from the preview, not from the database.

Tokens are made and checked in cms/preview.py. Every answer to a query with a preview token
carries Cache-Control: private, no-store, whether it succeeds or not, so no cache keeps a draft.
"""

from strawberry.types import Info

from cms.preview import CACHE_CONTROL, PreviewTokenError, load_preview

from .context import context
from .errors import ApiError, InvalidArgument, checked_text


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
    locale = ctx.locale(ctx.locale_code(page.locale_id))
    return ctx.remember([page], locale, False, in_memory=True)[0]
