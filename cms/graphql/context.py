"""Per-request state of the API: the site, locales and the batches that keep listings N+1-free.

Every object a resolver hands out is registered here with the locale it was asked for (and
whether fallback to the default locale was asked for); fields of that object read them back from
the context, never from attributes set on the model instance. Relations of an object are loaded
for every object of the same type and locale seen so far in the request at once, so a listing of
100 items costs the same number of queries as a listing of 10.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from strawberry.django.context import StrawberryDjangoContext
from strawberry.types import Info
from wagtail.models import Locale, Site

from cms.visibility import PublicScope, visible

from . import lookups
from .errors import LocaleNotFound
from .published import as_published


class Asked(NamedTuple):
    """How an object was asked for: in which locale, and whether fallback was allowed."""

    locale: Locale
    fallback: bool


@dataclass
class Context(StrawberryDjangoContext):
    # The request's content version, read once when first needed (the view's, shared with the
    # response cache); the site, scope and locales are kept per process for it (lookups.py).
    content_version: Callable[[], str | None] | None = None
    _site: Site | None = None
    _scope: PublicScope | None = None
    _locales: dict[str, Locale] | None = None
    # id(obj) -> how it was asked for; _kept holds the objects so no id is reused meanwhile.
    _asked: dict[int, Asked] = field(default_factory=dict)
    _kept: list = field(default_factory=list)
    # ids of pages whose content and inline lists live in memory (previews, live revisions).
    _in_memory: set[int] = field(default_factory=set)
    _seen: dict[tuple, dict[Any, Any]] = field(default_factory=lambda: defaultdict(dict))
    _batches: dict[tuple, dict[Any, Any]] = field(default_factory=lambda: defaultdict(dict))

    def remembered(
        self,
        key: tuple,
        compute: Callable[[], Any],
        still_good: Callable[[Any], bool] | None = None,
    ) -> Any:
        """`compute()`, or its value kept by this process for the content version."""
        version = self.content_version() if self.content_version else None
        return lookups.remembered(version, key, compute, still_good)

    def keeps(self) -> bool:
        """Whether `remembered` keeps what it computes (the memo is on and this request read a
        content version): a caller with a cheaper way than computing every time asks first."""
        return lookups.enabled() and bool(self.content_version and self.content_version())

    @property
    def site(self) -> Site | None:
        if self._site is None:
            if self.request is None:
                self._site = _site_for(None)
            else:
                host = (self.request._get_raw_host(), self.request.get_port())
                self._site = self.remembered(("site", *host), lambda: _site_for(self.request))
        return self._site

    @property
    def scope(self) -> PublicScope:
        if self._scope is None:
            site = self.site
            key = ("scope", site.pk if site else None)
            self._scope = self.remembered(key, lambda: PublicScope.of_site(site))
        return self._scope

    def visible(self, model, locale: Locale | None = None, fallback: bool = False, now=None):
        """The public queryset of `model` on this site (cms/visibility.py), at `now`."""
        return visible(model, self.scope, locale, self.default_locale if fallback else None, now)

    @property
    def locales(self) -> dict[str, Locale]:
        if self._locales is None:
            self._locales = self.remembered(("locales",), _all_locales)
        return self._locales

    def locale_code(self, locale_id: int) -> str:
        return next(
            locale.language_code for locale in self.locales.values() if locale.pk == locale_id
        )

    def locale(self, code: str | None) -> Locale:
        """The asked-for locale; the default locale when none is asked for."""
        if code is None:
            code = get_supported_language_variant(settings.LANGUAGE_CODE)
        try:
            return self.locales[code]
        except KeyError:
            known = ", ".join(sorted(self.locales))
            raise LocaleNotFound(f"Unknown locale {code!r}; this site has: {known}.") from None

    @property
    def default_locale(self) -> Locale:
        return self.locale(None)

    # --- objects handed out in this request, and their batched relations ---------------------

    def remember(
        self, objects: Iterable, locale: Locale, fallback: bool, in_memory: bool = False
    ) -> list:
        """Register objects as asked for in `locale` and keep them for batching.

        Pages come back as they were published (see published.py); `in_memory` marks objects
        built from a preview, whose inline lists are not in the database.
        """
        stored = list(objects)
        published = as_published(stored) if not in_memory else stored
        asked = Asked(locale, fallback)
        for original, obj in zip(stored, published, strict=True):
            if in_memory or obj is not original:
                self._in_memory.add(id(obj))
            self._asked[id(obj)] = asked
            self._kept.append(obj)
            self._seen[(type(obj), locale.pk, fallback)][obj.pk] = obj
        return published

    def asked(self, obj) -> Asked:
        """How `obj` was asked for; objects not handed out by a resolver: in their own locale."""
        return self._asked.get(id(obj)) or Asked(obj.locale, False)

    def is_in_memory(self, obj) -> bool:
        """A preview or a live revision: its inline lists live in memory, not in the rows."""
        return id(obj) in self._in_memory

    def batch(self, name: str, obj, compute: Callable[[list, Locale, bool], dict]):
        """`compute` for every seen object like `obj` not computed yet; then obj's value."""
        locale, fallback = self.asked(obj)
        group = (type(obj), locale.pk, fallback)
        results = self._batches[(name, *group)]
        if obj.pk not in results:
            pending = [other for pk, other in self._seen[group].items() if pk not in results]
            if obj.pk not in {other.pk for other in pending}:
                pending.append(obj)
            results.update(compute(pending, locale, fallback))
        return results.get(obj.pk)


def _site_for(request) -> Site | None:
    """The Site of the request's host, else the default site."""
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def _all_locales() -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


def context(info: Info) -> Context:
    return info.context
