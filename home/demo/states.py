"""The states the demo leaves pages in, so that the API and the translation report show each.

Publishing: `schedule` (to go live later, not live yet), `expire` (past its expiry), `restrict`
(private: signed-in users only). A scheduled page is left as Wagtail leaves it rather than made
by Wagtail's publish action, whose outcome depends on the real clock: the demo is the same
whatever day it is built on.

After a page was translated, so that every state the translation report knows
(cms/translation/report.py) is shown by some page:

- missing: the scheduled event is English only (the builder does not translate it);
- in progress: `NewSourceText`, English text added and synced, not translated yet;
- awaiting review: `InReview`, a translator's revision submitted to "Translation review"
  (on a topic);
- machine-translated: `MachineTranslated`, the strings are marked as a machine's;
- outdated: `Outdated`, the English page changed and was published after the translation;
- up to date: every other page and snippet.

Each is applied once, right after the page (or snippet) and its translations are made.
"""

import datetime as dt
from dataclasses import dataclass

from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.translation.workflow import save_draft

from .blocks import Paragraph, stream_data

MACHINE_TOOL = "Machine translation (demo)"


def schedule(parent: Page, page: Page, go_live_at: dt.datetime) -> Page:
    """Added under `parent` as Wagtail leaves a page an editor publishes for later: not live,
    its revision approved to go live at `go_live_at`."""
    page.live = False
    page.go_live_at = go_live_at
    parent.add_child(instance=page)
    page.save_revision(approved_go_live_at=go_live_at)
    return page


def restrict(page: Page) -> list[tuple[Page, bool]]:
    """Private in every locale: only signed-in users may see it. (version, whether new)."""
    versions = page.get_translations(inclusive=True).order_by("locale__language_code")
    return [
        (
            version,
            PageViewRestriction.objects.get_or_create(
                page=version, restriction_type=PageViewRestriction.LOGIN
            )[1],
        )
        for version in versions
    ]


def expire(page: Page) -> list[Page]:
    """Past its expiry in every locale, as Wagtail's `publish_scheduled` leaves a page:
    unpublished and marked expired (the expiry was set when it was published)."""
    versions = list(
        page.get_translations(inclusive=True).order_by("locale__language_code").specific()
    )
    for version in versions:
        version.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    return versions


def _translation(instance, language_code: str) -> Translation:
    return Translation.objects.select_related("source").get(
        source__object_id=instance.translation_key, target_locale__language_code=language_code
    )


@dataclass(frozen=True)
class Outdated:
    """The English summary changes and is published; the translations are not synced."""

    summary: str

    def apply(self, builder, page: Page, key: str) -> None:
        page.summary = self.summary
        page.save_revision().publish()


@dataclass(frozen=True)
class NewSourceText:
    """A block is added to the English body, published and synced into the translation source
    ("Sync translated pages"): its text waits for translators."""

    block: Paragraph

    def apply(self, builder, page: Page, key: str) -> None:
        existing = list(page.body.raw_data)
        added = stream_data([self.block], builder, key, "body", start=len(existing))
        page.body = existing + added
        page.save_revision().publish()
        TranslationSource.objects.get(
            object_id=page.translation_key, locale_id=page.locale_id
        ).update_from_db()


@dataclass(frozen=True)
class MachineTranslated:
    """The translation's strings in `language_code` are marked as a machine's, not a person's."""

    language_code: str

    def apply(self, builder, page: Page, key: str) -> None:
        translation = _translation(page, self.language_code)
        for segment in StringSegment.objects.filter(source=translation.source):
            StringTranslation.objects.filter(
                translation_of_id=segment.string_id,
                context_id=segment.context_id,
                locale=translation.target_locale,
            ).update(
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, tool_name=MACHINE_TOOL
            )


@dataclass(frozen=True)
class InReview:
    """A translator revises one field in `language_code` and submits the draft for review: the
    live translation stays as it was until a reviewer approves."""

    language_code: str
    field: str
    revised: str

    def apply(self, builder, instance, key: str) -> None:
        translation = _translation(instance, self.language_code)
        segment = StringSegment.objects.get(source=translation.source, context__path=self.field)
        StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=translation.target_locale,
        ).update(data=self.revised)
        instance, _revision = save_draft(translation, user=None)
        instance.get_workflow().start(instance, None)
