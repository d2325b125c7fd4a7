"""GraphQL `translationProgress(locale)`: how far the translation into one language has come.

The numbers are those of the admin's "Translation status" report and dashboard panel
(cms/translation/progress.py), over what the public can read in the source language only: the
visible English pages of the site (live, public, current: cms/visibility.py, the rule of every
content query) and the live translatable snippets. Drafts, private, scheduled and expired pages
are neither counted nor named. Of each translation only its state is counted, as the report
counts it: a translation still being written or waiting for review counts as "in progress" or
"awaiting review", and nothing of its text, title or author is given.

Anonymous answers are cached like every other read (cms/graphql/response_cache.py) and retired
by the next publish anywhere; translators' work between two publishes (strings saved, a
submission for review) shows once something is published, or when the cached answer expires.
"""

import strawberry
import strawberry_django
from strawberry.types import Info
from wagtail.models import Page

from cms.graphql.context import context
from cms.graphql.errors import InvalidArgument
from cms.mixins import translatable_snippet_models

from . import status as states
from .progress import Progress, assess, summarize, type_name
from .roles import TARGET_LOCALES

PERCENT = (
    "Share of the source text translated, 0 to 100: translated text segments of every source "
    "page and snippet (none for a missing translation) over all their segments. Items nobody "
    "has asked to translate yet have no segments: they count in `total` and `counts`, not here."
)
TOTAL = "Source pages and snippets (each in one state of `counts`)."
UP_TO_DATE = "Source pages and snippets whose translation is up to date."
COUNTS = "How many source pages and snippets are in each state."


@strawberry.type(
    name="TranslationStateCounts",
    description="How many source pages and snippets are in each translation state in one "
    "language (TranslationState, plus `missing`).",
)
class TranslationStateCounts:
    missing: int = strawberry.field(description="Not translated into the language at all.")
    in_progress: int = strawberry.field(
        description="Translated in part: some of the source's text is not translated yet."
    )
    awaiting_review: int = strawberry.field(
        description="Submitted for review and not yet approved (new translations, and newer "
        "versions of published ones)."
    )
    machine_translated: int = strawberry.field(
        description="Complete, with machine-translated text no person has edited yet."
    )
    outdated: int = strawberry.field(
        description="Complete, but the source changed after the translation took it in."
    )
    up_to_date: int = strawberry.field(description="Complete and current.")

    @classmethod
    def of(cls, progress: Progress) -> "TranslationStateCounts":
        counts = progress.counts
        return cls(
            missing=counts[states.MISSING],
            in_progress=counts[states.IN_PROGRESS],
            awaiting_review=counts[states.AWAITING_REVIEW],
            machine_translated=counts[states.MACHINE],
            outdated=counts[states.OUTDATED],
            up_to_date=counts[states.UP_TO_DATE],
        )


@strawberry.type(
    name="TranslationTypeProgress",
    description="The translation progress of the source pages or snippets of one type.",
)
class TranslationTypeProgress:
    type: str = strawberry.field(
        description="The GraphQL type of these pages or snippets: 'EventPage', 'Topic'…"
    )
    percent_translated: int = strawberry.field(description=PERCENT)
    total: int = strawberry.field(description=TOTAL)
    up_to_date: int = strawberry.field(description=UP_TO_DATE)
    counts: TranslationStateCounts = strawberry.field(description=COUNTS)


@strawberry.type(
    name="TranslationProgress",
    description="How far the translation of the site's public source pages and snippets into "
    "one language has come.",
)
class TranslationProgress:
    locale: str = strawberry.field(description="The language's code, e.g. 'uk'.")
    percent_translated: int = strawberry.field(description=PERCENT)
    total: int = strawberry.field(description=TOTAL)
    up_to_date: int = strawberry.field(description=UP_TO_DATE)
    counts: TranslationStateCounts = strawberry.field(description=COUNTS)
    by_type: list[TranslationTypeProgress] = strawberry.field(
        description="The same per type of page or snippet, by type name; types without public "
        "source content are left out."
    )


def translation_progress(info: Info, code: str) -> TranslationProgress:
    ctx = context(info)
    locale = ctx.locale(code)  # LOCALE_NOT_FOUND for a language the site does not have
    if locale.language_code not in TARGET_LOCALES:
        languages = ", ".join(code for code in TARGET_LOCALES if code in ctx.locales)
        raise InvalidArgument(
            f"{code!r} is the source language: nothing is translated into it. Ask for one of: "
            f"{languages}."
        )
    source = ctx.default_locale
    groups = [(Page, list(ctx.visible(Page, source).select_related("content_type")))] + [
        (model, list(ctx.visible(model, source))) for model in translatable_snippet_models()
    ]
    assessments = assess(groups, [locale.language_code], ctx.locales)
    (total,) = summarize(assessments, [locale.language_code])
    by_type = sorted(
        summarize(assessments, [locale.language_code], type_of=type_name),
        key=lambda progress: progress.type,
    )
    return TranslationProgress(
        locale=locale.language_code,
        percent_translated=total.percent,
        total=total.total,
        up_to_date=total.up_to_date,
        counts=TranslationStateCounts.of(total),
        by_type=[
            TranslationTypeProgress(
                type=progress.type,
                percent_translated=progress.percent,
                total=progress.total,
                up_to_date=progress.up_to_date,
                counts=TranslationStateCounts.of(progress),
            )
            for progress in by_type
        ],
    )


@strawberry.type
class Query:
    @strawberry_django.field(
        description="How far the translation into `locale` (a language other than the source) "
        "has come, over the public source pages and snippets of the site: the share of text "
        "translated, how many are up to date, and how many are in each state, in all and per "
        "type. Counts only; nothing unpublished is named. Unknown language: LOCALE_NOT_FOUND; "
        "the source language: INVALID_ARGUMENT."
    )
    def translation_progress(self, info: Info, locale: str) -> TranslationProgress:
        return translation_progress(info, locale)
