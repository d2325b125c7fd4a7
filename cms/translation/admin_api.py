"""The admin API's pages for translators: wagtail-localize's translation editor shows the page a
synchronised page chooser points at (a "call to action" block's page: a page of the English
source) by asking `/admin/api/main/pages/<id>/`.

Wagtail's endpoint answers only the pages the user may explore, which for a translator is their
own locale's tree: the English page was a 404 and the chooser in the editor stayed empty.
Translators work from the English source, whose pages they read in the editor anyway, so those
are answered too (title, type, status). The explorer menu still lists only what the user may
explore: its `for_explorer` filter applies Wagtail's own rule to the listing.
"""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Locale, Page


class PagesWithSourceAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        explorable = super().get_base_queryset()
        return explorable | Page.objects.filter(locale=Locale.get_default())


def register(router):
    """construct_admin_api"""
    router.register_endpoint("pages", PagesWithSourceAdminAPIViewSet)
