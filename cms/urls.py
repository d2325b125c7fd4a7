from django.conf import settings
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.graphql.view import GraphQLView
from cms.health import healthz, readyz
from cms.preview_frontend import reference_preview
from cms.renditions import OnDemandRenditionView
from cms.schema import schema
from events.calendar import calendar_feed, event_ics

# Headless: the public reads content through the API; Wagtail's HTML page serving is not mounted.
urlpatterns = [
    # Liveness and readiness for load balancers (cms/health.py, docs/deployment.md).
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Renditions the API gives out before they exist, made on demand (cms/renditions.py).
    path(
        "images/<str:signature>/<int:image_id>/<str:filter_spec>/<path:name>",
        OnDemandRenditionView.as_view(),
        name="image-rendition",
    ),
    # Read-only public API: no cookies are trusted for it, so CSRF does not apply.
    path("graphql/", csrf_exempt(GraphQLView.as_view(schema=schema))),
    # Reference preview frontend, when PREVIEW_REFERENCE_FRONTEND is on (cms/preview_frontend.py).
    path("preview/", reference_preview, name="reference-preview"),
    # iCalendar exports of events (events/calendar.py).
    path("events/calendar.ics", calendar_feed, name="events-calendar"),
    path("events/<int:page_id>.ics", event_ics, name="event-ics"),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
