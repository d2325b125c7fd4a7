from wagtail import hooks

from .admin import EventListingViewSet


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()
