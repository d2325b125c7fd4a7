"""What the public may see: the one rule every path to the public applies.

`visible(model, scope, locale)` answers "what may the public see of this model on this site in
this locale" for pages and snippets alike. The GraphQL API (every root field, relation, search
result), the iCalendar feeds and the webhook payloads all ask it, so none of them can disagree.

- A page is visible when it is live, not expired, past its go-live time, without a view
  restriction on itself or an ancestor, and inside the site's locale trees.
- A snippet with drafts is visible when it is live (published).
- With a fallback locale, an object not visible in the asked locale is given in the fallback
  locale instead (the default-locale version of a page that is not translated yet).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction, Site


@dataclass(frozen=True)
class PublicScope:
    """What the rule needs to know of one site: looked up once per request (or delivery)."""

    root_paths: tuple[str, ...]
    restricted_paths: tuple[str, ...]

    @classmethod
    def of_site(cls, site: Site | None) -> "PublicScope":
        """The scope of `site`; the default site when None."""
        return cls(root_paths=_site_root_paths(site), restricted_paths=_restricted_paths())


def _site_root_paths(site: Site | None) -> tuple[str, ...]:
    """Tree paths of the site's root page and of its translations (the locale homes)."""
    site = site or Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return ()
    root = site.root_page
    return tuple(
        Page.objects.filter(translation_key=root.translation_key, depth=root.depth).values_list(
            "path", flat=True
        )
    )


def _restricted_paths() -> tuple[str, ...]:
    """Tree paths of pages with a view restriction (password, login or groups)."""
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def visible(
    model,
    scope: PublicScope,
    locale: Locale | None = None,
    fallback: Locale | None = None,
    now: datetime | None = None,
) -> QuerySet:
    """What the public may see of `model` on the scope's site, in `locale` (all when None), at
    `now` (the current time when None).

    With `fallback`, objects with no visible version in `locale` come in the fallback locale.
    """
    if now is None:
        now = timezone.now()
    queryset = _public(model.objects.all(), scope, now)
    if locale is None:
        return queryset
    if fallback is not None and fallback != locale:
        translated = _public(model.objects.filter(locale=locale), scope, now)
        return queryset.filter(
            Q(locale=locale)
            | (Q(locale=fallback) & ~Q(translation_key__in=translated.values("translation_key")))
        )
    return queryset.filter(locale=locale)


def _public(queryset: QuerySet, scope: PublicScope, now: datetime) -> QuerySet:
    model = queryset.model
    if issubclass(model, Page):
        return _public_pages(queryset, scope, now)
    if issubclass(model, DraftStateMixin):
        return queryset.filter(live=True)
    return queryset


def _public_pages(queryset: QuerySet, scope: PublicScope, now: datetime) -> QuerySet:
    in_site = Q(pk__in=[])
    for path in scope.root_paths:
        in_site |= Q(path__startswith=path)
    for path in scope.restricted_paths:
        # A restriction covers the page and everything below it.
        queryset = queryset.exclude(path__startswith=path)
    return (
        queryset.live()
        .filter(in_site)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
