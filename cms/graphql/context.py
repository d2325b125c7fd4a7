"""Per-request state of the API: the site, locales and the batches that keep listings N+1-free.

Every object the API returns carries the locale it was asked for (and whether fallback to the
default locale was asked for). Relations of an object are loaded for every object of the same
type and locale seen so far in the request at once, so a listing of 100 items costs the same
number of queries as a listing of 10.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from strawberry.django.context import StrawberryDjangoContext
from strawberry.types import Info
from wagtail.models import Locale, Site

from cms.visibility import restricted_paths, site_root_paths

from .errors import LocaleNotFound

LOCALE_ATTR = "_api_locale"
FALLBACK_ATTR = "_api_fallback"
PREVIEW_ATTR = "_api_preview"


@dataclass
class Context(StrawberryDjangoContext):
    _site: Site | None = None
    _root_paths: list[str] | None = None
    _restricted_paths: list[str] | None = None
    _locales: dict[str, Locale] | None = None
    _seen: dict[tuple, dict[Any, Any]] = field(default_factory=lambda: defaultdict(dict))
    _batches: dict[tuple, dict[Any, Any]] = field(default_factory=lambda: defaultdict(dict))

    @property
    def site(self) -> Site | None:
        if self._site is None:
            self._site = Site.find_for_request(self.request) if self.request else None
            if self._site is None:
                self._site = Site.objects.filter(is_default_site=True).first()
        return self._site

    @property
    def root_paths(self) -> list[str]:
        if self._root_paths is None:
            self._root_paths = site_root_paths(self.site)
        return self._root_paths

    @property
    def restricted_paths(self) -> list[str]:
        if self._restricted_paths is None:
            self._restricted_paths = restricted_paths()
        return self._restricted_paths

    @property
    def locales(self) -> dict[str, Locale]:
        if self._locales is None:
            self._locales = {locale.language_code: locale for locale in Locale.objects.all()}
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

    # --- objects seen in this request, and their batched relations ---------------------------

    def remember(self, objects: Iterable, locale: Locale, fallback: bool) -> list:
        """Mark objects with the locale they were asked for and keep them for batching.

        Pages come back as they were published (see published.py).
        """
        from .published import as_published

        objects = as_published(list(objects))
        for obj in objects:
            setattr(obj, LOCALE_ATTR, locale)
            setattr(obj, FALLBACK_ATTR, fallback)
            self._seen[(type(obj), locale.pk, fallback)][obj.pk] = obj
        return objects

    def batch(self, name: str, obj, compute: Callable[[list, Locale, bool], dict]):
        """`compute` for every seen object like `obj` not computed yet; then obj's value."""
        locale, fallback = asked_locale(obj), asked_fallback(obj)
        group = (type(obj), locale.pk, fallback)
        results = self._batches[(name, *group)]
        if obj.pk not in results:
            pending = [other for pk, other in self._seen[group].items() if pk not in results]
            if obj.pk not in {other.pk for other in pending}:
                pending.append(obj)
            results.update(compute(pending, locale, fallback))
        return results.get(obj.pk)


def context(info: Info) -> Context:
    return info.context


def asked_locale(obj) -> Locale:
    return getattr(obj, LOCALE_ATTR, None) or obj.locale


def asked_fallback(obj) -> bool:
    return getattr(obj, FALLBACK_ATTR, False)
