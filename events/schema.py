"""GraphQL types and queries of events."""

from datetime import datetime

import strawberry
import strawberry_django
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from strawberry.types import Info

from cms.graphql import relations
from cms.graphql.context import context
from cms.graphql.errors import checked_text, parse_id
from cms.graphql.images import ImageType
from cms.graphql.listing import page_queries
from cms.graphql.localize import localized_keys
from cms.graphql.pages import PageInterface, listing_page_type
from cms.graphql.pagination import ordered_in_parts
from cms.graphql.references import References
from cms.graphql.streamfield import (
    BodyBlock,
    StreamBlock,
    list_items,
    register_block,
    stream_union,
)
from home.schema import Topic, topic_condition
from people.models import PersonPage as PersonPageModel
from people.schema import Organisation, PersonPage

from . import blocks, models
from .calendar import ics_path

EventKind = strawberry.enum(models.EventKind, name="EventKind", description="What sort of event.")


@strawberry.type(description="One item of an event's programme.")
class AgendaItemBlock(StreamBlock):
    start_time: str = strawberry.field(description="Start, 'HH:MM' in the event's time zone.")
    end_time: str | None = strawberry.field(description="End, 'HH:MM', when given.")
    day: str | None = strawberry.field(description="The day (ISO date) on multi-day events.")
    title: str = strawberry.field(description="What happens.")
    description: str = strawberry.field(description="A sentence or two; may be empty.")
    speakers: list[PersonPage] = strawberry.field(
        description="People speaking in this item, visible ones in the asked-for locale."
    )


def _hh_mm(value: str | None) -> str | None:
    return value[:5] if value else None


def _collect_agenda_item(value, refs: References):
    for person_id in list_items(value.get("speakers") or []):
        refs.add_page(person_id, PersonPageModel)


def _build_agenda_item(block_id, value, refs: References):
    speakers = [refs.page(pk, PersonPageModel) for pk in list_items(value.get("speakers") or [])]
    return AgendaItemBlock(
        id=block_id,
        start_time=_hh_mm(value.get("start_time")) or "",
        end_time=_hh_mm(value.get("end_time")),
        day=value.get("day") or None,
        title=value.get("title") or "",
        description=value.get("description") or "",
        speakers=[person for person in speakers if person is not None],
    )


register_block(
    blocks.AgendaItemBlock, AgendaItemBlock, collect=_collect_agenda_item, build=_build_agenda_item
)
ProgrammeBlock = stream_union(
    "ProgrammeBlock", blocks.ProgrammeBlock(), "A block of an event's programme."
)


EventIndexPage = listing_page_type(models.EventIndexPage)


@strawberry_django.type(models.EventPage, name="EventPage")
class EventPage(PageInterface):
    kind: EventKind
    time_zone: str
    city: str
    venue: str
    address: str
    online_url: str
    registration_url: str
    summary: str

    @strawberry_django.field(
        description="When the event starts: ISO 8601 with the offset of the event's time zone."
    )
    def start(self, root: models.EventPage) -> datetime:
        return root.start.astimezone(root.tzinfo)

    @strawberry_django.field(
        description="When the event ends: ISO 8601 with the offset of the event's time zone."
    )
    def end(self, root: models.EventPage) -> datetime:
        return root.end.astimezone(root.tzinfo)

    main_image: ImageType | None = relations.image_of(models.EventPage.main_image)

    topics: list[Topic] = relations.inline_list(models.EventPageTopic)

    organisers: list[Organisation] = relations.inline_list(models.EventOrganiser)

    speakers: list[PersonPage] = relations.inline_list(models.EventSpeaker)

    participants: list[PersonPage] = relations.inline_list(models.EventParticipant)

    parent_event: "EventPage | None" = relations.target_of(models.EventPage.parent_event)

    @strawberry_django.field(description="Events that are part of this one, earliest first.")
    def sub_events(self, root: models.EventPage, info: Info) -> list["EventPage"]:
        return context(info).batch("sub_events", root, _sub_events(info))

    programme: list[ProgrammeBlock] = relations.blocks_of(models.EventPage.programme)

    body: list[BodyBlock] = relations.blocks_of(models.EventPage.body)

    @strawberry_django.field(
        description="Absolute address of this event as an iCalendar (.ics) file, in this "
        "version's language and the event's time zone."
    )
    def ics_url(self, root: models.EventPage, info: Info) -> str:
        request = context(info).request
        path = ics_path(root)
        return request.build_absolute_uri(path) if request else path


def _sub_events(info: Info):
    def compute(events, locale, fallback):
        parents = {event.translation_key: event.pk for event in events}
        rows = (
            models.EventPage.objects.filter(parent_event__translation_key__in=parents)
            .order_by("start")
            .values_list("parent_event__translation_key", "translation_key")
            .distinct()
        )
        rows = list(rows)
        children = localized_keys(
            info, models.EventPage, [child for _, child in rows], locale, fallback
        )
        by_key = {child.translation_key: child for child in children}
        result = {pk: [] for pk in parents.values()}
        for parent_key, child_key in rows:
            child = by_key.get(child_key)
            if child is not None and child not in result[parents[parent_key]]:
                result[parents[parent_key]].append(child)
        return result

    return compute


@strawberry_django.filter_type(models.EventPage, description="Filters of the events listing.")
class EventFilter:
    kind: EventKind | None = strawberry_django.filter_field(description="Only this kind.")

    @strawberry_django.filter_field(description="Only events with this topic (its slug).")
    def topic(self, queryset: QuerySet, value: str, prefix: str):
        return queryset, topic_condition(prefix, value)

    @strawberry_django.filter_field(
        description="true: events that have not ended yet; false: events that have ended."
    )
    def upcoming(self, queryset: QuerySet, value: bool, prefix: str):
        now = timezone.now()
        condition = Q(**{f"{prefix}end__gte": now})
        return queryset, condition if value else ~condition

    @strawberry_django.filter_field(description="Only events starting at or after this time.")
    def starts_after(self, queryset: QuerySet, value: datetime, prefix: str):
        return queryset, Q(**{f"{prefix}start__gte": value})

    @strawberry_django.filter_field(description="Only events starting before this time.")
    def starts_before(self, queryset: QuerySet, value: datetime, prefix: str):
        return queryset, Q(**{f"{prefix}start__lt": value})

    @strawberry_django.filter_field(description="Only parts of this event (its id, in any locale).")
    def parent_event(self, queryset: QuerySet, info: Info, value: strawberry.ID, prefix: str):
        """Parts of the event only when the reader may see the event itself: a visible version
        in the listing's locale (or, with `fallback`, in the default locale), the version the
        parts' own `parentEvent` gives. A private (view-restricted), draft or expired parent
        lists nothing, even when its parts are public pages elsewhere in the tree."""
        key = models.EventPage.objects.filter(pk=parse_id(value, "page ids")).values(
            "translation_key"
        )
        # The `events` listing's own arguments (its resolver has checked the locale already).
        listing = info.selected_fields[0].arguments if info.selected_fields else {}
        ctx = context(info)
        visible_key = (
            ctx.visible(
                models.EventPage, ctx.locale(listing.get("locale")), listing.get("fallback") is True
            )
            .filter(translation_key__in=key)
            .values("translation_key")
        )
        return queryset, Q(**{f"{prefix}parent_event__translation_key__in": visible_key})

    @strawberry_django.filter_field(
        description="Only in this city, as written in the asked-for locale (case-insensitive)."
    )
    def city(self, queryset: QuerySet, value: str, prefix: str):
        return queryset, Q(**{f"{prefix}city__iexact": checked_text(value, "city")})


@strawberry_django.order_type(models.EventPage, description="Orderings of the events listing.")
class EventOrdering:
    start: strawberry.auto = strawberry_django.order_field(description="By start time.")
    title: strawberry.auto = strawberry_django.order_field(description="By title.")


def default_event_order(queryset: QuerySet) -> QuerySet:
    """Upcoming events first, soonest first; then past events, latest first.

    One ORDER BY says it (for any use of the queryset), and the listing reads it as two parts,
    each from the index on start (cms/graphql/pagination.py, ordered_in_parts)."""
    now = timezone.now()
    is_past = Case(When(end__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField())
    upcoming_start = Case(When(end__gte=now, then=F("start")))
    past_start = Case(When(end__lt=now, then=F("start")))
    ordered = queryset.order_by(
        is_past.asc(), upcoming_start.asc(nulls_last=True), past_start.desc(), "pk"
    )
    return ordered_in_parts(
        ordered,
        [(Q(end__gte=now), ("start", "pk")), (Q(end__lt=now), ("-start", "pk"))],
    )


@strawberry.type
class Query:
    events, event, event_index = page_queries(
        EventPage,
        EventIndexPage,
        filters=EventFilter,
        ordering=EventOrdering,
        order_by=default_event_order,
        description="Events in the asked-for locale: upcoming soonest first, then past latest "
        "first, unless `ordering` says otherwise. With `fallback: true`, events not translated "
        "into the locale appear in the default locale.",
    )
