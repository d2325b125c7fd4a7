"""Wagtail admin pieces the content apps share."""

from wagtail.snippets.views.snippets import SnippetViewSet


class NamedSnippetViewSet(SnippetViewSet):
    """The admin listing of a NamedSnippet (cms/mixins.py), with a menu item of its own.

    Each app passes its model, icon, menu_order and own `columns` as keyword arguments. Wagtail
    names the menu item after the model's verbose_name_plural and adds the locale filter itself
    for translatable snippets; the locale and live columns end every listing, so that editors
    tell the copies of one snippet apart.
    """

    add_to_admin_menu = True
    columns = ["name"]
    list_filter = ["live"]
    search_fields = ["name", "description"]
    ordering = ["name"]

    @property
    def list_display(self):
        return [*self.columns, "locale", "live"]
