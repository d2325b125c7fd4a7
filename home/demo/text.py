"""A piece of demo text in the three languages, and the catalogue built from all of them."""

import html
from dataclasses import dataclass

_CATALOGUE: dict[str, "T"] = {}


@dataclass(frozen=True)
class T:
    """English source text with its Czech and Ukrainian translations."""

    en: str
    cs: str
    uk: str

    def __post_init__(self):
        known = _CATALOGUE.get(self.en)
        if known is not None and known != self:
            raise ValueError(f"Two different translations for the English text {self.en!r}")
        _CATALOGUE[self.en] = self

    def __str__(self):
        return self.en

    def in_locale(self, language_code: str) -> str:
        return getattr(self, language_code)


class MissingTranslation(LookupError):
    pass


def translate(english: str, language_code: str) -> str:
    """The demo translation of an English segment, as a translator would have entered it."""
    if not english.strip():
        return english
    if english in _CATALOGUE:
        return _CATALOGUE[english].in_locale(language_code)
    # Rich text segments are HTML: look the plain text up and escape the translation again.
    plain = html.unescape(english)
    if plain in _CATALOGUE:
        return html.escape(_CATALOGUE[plain].in_locale(language_code), quote=False)
    raise MissingTranslation(english)
