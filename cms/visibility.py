"""What the public may see: the one rule every path through the API applies.

A page is visible when it is live, not expired, already past its go-live time, without a view
restriction on itself or an ancestor, and inside the current site's locale trees. A snippet is
visible when it is live (published).
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site


def site_root_paths(site: Site | None) -> list[str]:
    """Tree paths of the site's root page and of its translations (the locale homes)."""
    site = site or Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return []
    root = site.root_page
    return list(
        Page.objects.filter(translation_key=root.translation_key, depth=root.depth).values_list(
            "path", flat=True
        )
    )


def restricted_paths() -> list[str]:
    """Tree paths of pages with a view restriction (password, login or groups)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def visible_pages(queryset, root_paths: list[str], restricted: list[str] | None = None):
    """Restrict a PageQuerySet to what the public may see (see the module docstring).

    `restricted` is restricted_paths(), passed in when the caller has it already.
    """
    now = timezone.now()
    in_site = Q(pk__in=[])
    for path in root_paths:
        in_site |= Q(path__startswith=path)
    if restricted is None:
        restricted = restricted_paths()
    for path in restricted:
        # A restriction covers the page and everything below it.
        queryset = queryset.exclude(path__startswith=path)
    return (
        queryset.live()
        .filter(in_site)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def visible_snippets(queryset):
    return queryset.filter(live=True)
