"""How far the translation into each target locale has come, over a set of English pages and
snippets: the dashboard panel's progress bars, the summary above the "Translation status"
report and the API's `translationProgress` (cms/translation/schema.py) add up the same numbers.

- **strings**: translated string segments of the source / string segments of the source, over
  every object; a missing translation counts as none of its source's segments. Text is extracted
  into segments when a translation of an object is first asked for (wagtail-localize's
  TranslationSource); an object nobody has asked to translate yet, or translated without
  wagtail-localize, has no segments, so its strings are not counted (`unprepared` says how many
  such objects there are) while its state still is.
- **up to date**: objects whose translation in the locale is up to date, of all objects.
- **counts** per state (cms/translation/status.py, `classify`).

`assess` finds the state of every object in every asked-for locale in a constant number of
queries whatever the number of objects: one for the segments of every source, then per model
one for the translations, four for their statuses (`compute_statuses`) and one for reviews.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from .roles import SOURCE_LOCALE
from .status import (
    MISSING,
    STATUSES,
    UP_TO_DATE,
    awaiting_review,
    classify,
    compute_statuses,
    percent,
    source_segments,
)


@dataclass(frozen=True)
class Assessment:
    """One English object in one target locale."""

    model: type  # Page, or the snippet model
    original: object
    locale: str
    status: str
    percent: int
    # The source's string segments (None: no segments, see the module's docstring) and how
    # many of them the translation has (0 when it is missing).
    segments: int | None
    translated: int
    translation: object | None


def assess(groups: list[tuple[type, list]], codes: Iterable[str], locales: dict[str, Locale]):
    """Assessments of each original of `groups` ([(model, English objects)]) in each locale of
    `codes`: per model, per locale, in the originals' order. `locales`: every Locale by code."""
    targets = [locales[code] for code in codes if code in locales]
    if not targets:
        return []
    segments = source_segments(
        [obj.translation_key for _, originals in groups for obj in originals],
        locales[SOURCE_LOCALE].pk,
    )
    result = []
    for model, originals in groups:
        if not originals:
            continue
        translations = list(
            model.objects.filter(
                translation_key__in=[obj.translation_key for obj in originals],
                locale__in=targets,
            )
        )
        statuses = compute_statuses(translations)
        in_review = awaiting_review(translations)
        found = {(obj.translation_key, obj.locale_id): obj for obj in translations}
        for locale in targets:
            for original in originals:
                translation = found.get((original.translation_key, locale.pk))
                result.append(
                    _assessment(model, original, locale, translation, statuses, in_review, segments)
                )
    return result


def _assessment(model, original, locale, translation, statuses, in_review, segments):
    if translation is None:
        status, share = classify(None)
        counted, done = segments.get(original.translation_key), 0
    else:
        found = statuses.get(translation.pk)
        status, share = classify(found, translation.pk in in_review)
        if found is None:
            # A translation made without wagtail-localize (no source): count it done.
            status, share, counted, done = UP_TO_DATE, 100, None, 0
        else:
            counted, done = found.segments, found.translated_segments
    return Assessment(
        model=model,
        original=original,
        locale=locale.language_code,
        status=status,
        percent=share,
        segments=counted,
        translated=done,
        translation=translation,
    )


def type_name(assessment: Assessment) -> str:
    """The GraphQL type of the object (EventPage, Topic…), the name a frontend knows."""
    if assessment.model is Page:
        return assessment.original.content_type.model_class().__name__
    return assessment.model.__name__


@dataclass
class Progress:
    """Totals of one locale (and one type, when `type` is set)."""

    locale: str
    type: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    segments: int = 0
    translated: int = 0
    unprepared: int = 0

    def add(self, item) -> None:
        self.counts[item.status] += 1
        if item.segments is None:
            self.unprepared += 1
        else:
            self.segments += item.segments
            self.translated += item.translated

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def up_to_date(self) -> int:
        return self.counts[UP_TO_DATE]

    @property
    def missing(self) -> int:
        return self.counts[MISSING]

    @property
    def percent(self) -> int:
        """Strings translated, in percent; with no strings known, 100 only if all is up to date."""
        if self.segments == 0:
            return 100 if self.up_to_date == self.total else 0
        return percent(self.translated, self.segments)

    @property
    def cells(self) -> list[tuple[str, int]]:
        """(state, count) in the report's order of states."""
        return [(status, self.counts[status]) for status in STATUSES]


def summarize(
    items: Iterable, codes: Iterable[str], type_of: Callable | None = None
) -> list[Progress]:
    """One Progress per locale of `codes` (in that order), or with `type_of` one per locale and
    type (types in order of appearance), over items with `locale`, `status`, `segments` and
    `translated` (Assessments, or the report's rows)."""
    codes = list(codes)
    totals: dict[tuple, Progress] = {}
    if type_of is None:
        for code in codes:
            totals[(code, None)] = Progress(locale=code)
    for item in items:
        kind = type_of(item) if type_of else None
        if (item.locale, kind) not in totals:
            if type_of is None:
                continue  # a locale not asked for
            totals[(item.locale, kind)] = Progress(locale=item.locale, type=kind)
        totals[(item.locale, kind)].add(item)
    order = {code: index for index, code in enumerate(codes)}
    return sorted(
        (progress for progress in totals.values() if progress.locale in order),
        key=lambda progress: order[progress.locale],
    )
