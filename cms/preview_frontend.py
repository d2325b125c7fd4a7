"""The reference preview frontend at /preview/: the worked example of a frontend's preview route.

With PREVIEW_FRONTEND_URLS pointing here (the default of `make run`), the editor's Preview lands on
/preview/?token=…. The page then does exactly what a real frontend does, in the browser and from
the public API only: cms/static/preview/preview.js fetches the GraphQL document
cms/static/preview/preview.graphql, POSTs it to /graphql/ with the token as `previewToken`, and
renders the answer (the page's fields and StreamField blocks) with no template of the CMS's own.
It proves the token flow end to end and is the code frontend developers can read and copy
(docs/graphql.md, "Preview and the reference frontend").

Served only when PREVIEW_REFERENCE_FRONTEND is on (404 otherwise): a production site has its own
frontend. Every file is same-origin and there is no inline script or style, so the page works
offline and under its own strict Content-Security-Policy.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from .preview import CACHE_CONTROL

TEMPLATE = "cms/preview.html"
# The public API, as a frontend on another origin would reach it (cms/urls.py).
GRAPHQL_ENDPOINT = "/graphql/"
QUERY_FILE = "preview/preview.graphql"
OPERATION_NAME = "Preview"

# The page itself needs nothing but its own origin. Images may be served from a media bucket on
# another host (STORAGES), so any https image is allowed; frames only by the admin's preview panel.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: https:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
    ]
)


# The admin's preview panel shows this page in an iframe of the same origin; production's
# X_FRAME_OPTIONS is DENY.
@xframe_options_sameorigin
@require_safe
def reference_preview(request: HttpRequest) -> HttpResponse:
    if not settings.PREVIEW_REFERENCE_FRONTEND:
        raise Http404("The reference preview frontend is off (PREVIEW_REFERENCE_FRONTEND).")
    context = {
        "endpoint": GRAPHQL_ENDPOINT,
        "query_url": static(QUERY_FILE),
        "operation_name": OPERATION_NAME,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    response = render(request, TEMPLATE, context)
    # A draft must not be kept by any cache, nor found by a search engine; the token in the
    # address must not leak to the sites the preview links to.
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
