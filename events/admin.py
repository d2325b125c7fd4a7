"""The "Events" listing of the admin: every event with its dates, type and status, the parts of an
event (`parent_event`: the missions and workshops of a forum, the forum of an expert mission)
under it.

Wagtail's page explorer lists events by title under their index page in one locale; editors plan
by date, so this listing shows every event a user may see (Wagtail's page permissions, through
`IndexView.get_base_queryset`), soonest first, each main event followed by its parts.
"""

from django import forms
from django.conf import settings
from django.db.models import Case, F, IntegerField, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter, MultipleChoiceFilter
from django_filters.fields import ModelChoiceField
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import EventKind, EventPage

# The default ordering: not a column's, so clicking a column header leaves it for a flat sort.
GROUPED = "grouped"
# Search results sort by relevance or by one of these (indexed: EventPage.search_fields); the
# search backend refuses the others, the grouped order and the locale among them.
SEARCH_ORDERINGS = {"title", "start", "end", "kind", "live"}
UPCOMING, PAST = "upcoming", "past"
LISTING_PERMISSIONS = IndexView.any_permission_required


def is_upcoming() -> Q:
    """Not ended yet: the rule of the API's `upcoming` filter (events/schema.py)."""
    return Q(end__gte=timezone.now())


def event_time(value, event: EventPage) -> str:
    """E.g. "Thu 20 May 2027, 09:00 CEST": in the event's own time zone, as its readers see it
    (editors type times in their own admin time zone)."""
    return date_format(value.astimezone(event.tzinfo), "D j M Y, H:i T")


def source_locale_first() -> Case:
    """0 for the default locale (the source translators work from), 1 for the others."""
    return Case(
        When(
            locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE),
            then=Value(0),
        ),
        default=Value(1),
        output_field=IntegerField(),
    )


def order_grouped(queryset):
    """Main events (those not part of another): upcoming soonest first, then past latest first
    (the API's default order); each followed by its parts, earliest first.

    A part is placed by its main event's start and translation key, so the parts come right after
    it even when they link to its copy in another locale (wagtail-localize keeps links to pages
    pointing at the source). A main event counts as upcoming until its last part has ended.
    Within a main event, each locale's copy is followed by the parts in that locale, the default
    locale first. Parts of parts are placed under their own main event, not nested further.
    """
    last_part_end = (
        EventPage.objects.filter(parent_event__translation_key=OuterRef("_main_key"))
        .order_by()
        .values("parent_event__translation_key")
        .annotate(last_end=Max("end"))
        .values("last_end")
    )
    main_end = Coalesce(F("parent_event__end"), F("end"))
    return (
        queryset.annotate(
            _main_start=Coalesce(F("parent_event__start"), F("start")),
            _main_key=Coalesce(F("parent_event__translation_key"), F("translation_key")),
        )
        .annotate(
            # Coalesce, not Greatest's own NULL handling, which SQLite (`make run`) lacks.
            _programme_end=Greatest(main_end, Coalesce(Subquery(last_part_end), main_end))
        )
        .annotate(
            _main_is_past=Case(
                When(_programme_end__lt=timezone.now(), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .annotate(
            _main_upcoming_start=Case(When(_main_is_past=0, then=F("_main_start"))),
            _main_past_start=Case(When(_main_is_past=1, then=F("_main_start"))),
            _other_locale=source_locale_first(),
            _is_part=Case(
                When(parent_event__isnull=True, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by(
            "_main_is_past",
            F("_main_upcoming_start").asc(nulls_last=True),
            F("_main_past_start").desc(nulls_last=True),
            "_main_key",
            "_other_locale",
            "locale__language_code",
            "_is_part",
            "start",
            "pk",
        )
    )


def with_main_event_title(queryset):
    """`_part_of`: the title of the event this one is part of, in this one's locale when it is
    translated into it (the link itself may point at the source's copy)."""
    in_event_locale = EventPage.objects.filter(
        translation_key=OuterRef("parent_event__translation_key"), locale_id=OuterRef("locale_id")
    ).values("title")[:1]
    return queryset.annotate(_part_of=Coalesce(Subquery(in_event_locale), "parent_event__title"))


def mark_nested(events) -> None:
    """`nested` on the parts listed right after their main event (or after a sibling that is),
    so that the title cell indents them; a part whose main event is filtered out or on another
    page of the listing stands on its own, named by its "Part of" column."""
    main_event = None
    for event in events:
        if event.parent_event_id is None:
            main_event = (event.translation_key, event.locale_id)
            event.nested = False
        else:
            event.nested = main_event == (event._main_key, event.locale_id)


class EventTitleColumn(PageTitleColumn):
    """Wagtail's page title cell (edit link, lock and privacy marks), indented for the parts of
    the event above (events/templates/events/admin/event_title_cell.html)."""

    cell_template_name = "events/admin/event_title_cell.html"


class EventTimeColumn(Column):
    def get_value(self, instance):
        value = getattr(instance, self.accessor)
        return event_time(value, instance) if value else None


def main_events_for(request):
    """Events that have parts, among the pages the user may explore."""
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    return (
        EventPage.objects.filter(
            translation_key__in=EventPage.objects.filter(parent_event__isnull=False).values(
                "parent_event__translation_key"
            ),
            pk__in=explorable.values("pk"),
        )
        .select_related("locale")
        .annotate(_other_locale=source_locale_first())
        .order_by("-start", "translation_key", "_other_locale", "locale__language_code")
    )


class MainEventChoiceField(ModelChoiceField):
    """An event by its title and language, since each locale has a copy of it."""

    def label_from_instance(self, event):
        return f"{event.title} ({event.locale.get_display_name()})"


class MainEventChoiceFilter(ModelChoiceFilter):
    field_class = MainEventChoiceField


class EventFilterSet(WagtailFilterSet):
    """Type, upcoming or past, and main event; Wagtail adds the locale filter (events are
    translatable)."""

    kind = MultipleChoiceFilter(
        label=_("Type"), choices=EventKind.choices, widget=forms.CheckboxSelectMultiple
    )
    when = ChoiceFilter(
        label=_("When"),
        choices=[(UPCOMING, _("Upcoming (not ended yet)")), (PAST, _("Past"))],
        empty_label=_("Any time"),
        widget=forms.RadioSelect,
        method="filter_when",
    )
    part_of = MainEventChoiceFilter(
        label=_("Part of"),
        queryset=main_events_for,
        method="filter_part_of",
    )

    class Meta:
        model = EventPage
        fields = []

    def filter_when(self, queryset, name, value):
        if value == UPCOMING:
            return queryset.filter(is_upcoming())
        if value == PAST:
            return queryset.exclude(is_upcoming())
        return queryset

    def filter_part_of(self, queryset, name, main_event):
        # Parts in every locale: each may link to the main event's copy in the source locale.
        # Ids, not a join, so that a search can filter by them (EventPage.search_fields).
        copies = EventPage.objects.filter(translation_key=main_event.translation_key)
        return queryset.filter(parent_event__in=list(copies.values_list("pk", flat=True)))


class EventListingView(IndexView):
    page_title = _("Events")
    verbose_name = _("event")
    verbose_name_plural = _("events")
    default_ordering = GROUPED
    # The locale has a column of its own, so the title cell does not repeat it.
    show_locale_labels = False

    def get_valid_orderings(self):
        return [GROUPED, *super().get_valid_orderings()]

    def get_ordering(self):
        ordering = super().get_ordering()
        if self.is_searching and (ordering or "").lstrip("-") not in SEARCH_ORDERINGS:
            return None
        return ordering

    def get_base_queryset(self):
        return with_main_event_title(super().get_base_queryset())

    def order_queryset(self, queryset):
        if self.ordering == GROUPED:
            return order_grouped(queryset)
        if not self.ordering:
            return queryset  # a search, in the order of relevance
        # Then start and id, so that rows with equal values keep one order across pages (both
        # indexed: search results can be sorted by them).
        return queryset.order_by(self.ordering, "start", "id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.ordering == GROUPED:
            mark_nested(context["object_list"])
        return context


class EventsMenuItem(MenuItem):
    """Shown to those who may open the listing: any page permission, as Wagtail's explorer."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, LISTING_PERMISSIONS)


class EventListingViewSet(PageListingViewSet):
    model = EventPage
    index_view_class = EventListingView
    name = "events"
    icon = "date"
    menu_label = _("Events")
    menu_order = 150
    add_to_admin_menu = True
    menu_item_class = EventsMenuItem
    columns = [
        BulkActionsColumn("bulk_actions"),
        EventTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        EventTimeColumn("start", label=_("Start"), sort_key="start"),
        EventTimeColumn("end", label=_("End"), sort_key="end"),
        Column("kind", label=_("Type"), accessor="get_kind_display", sort_key="kind"),
        Column("part_of", label=_("Part of"), accessor="_part_of"),
        LocaleColumn(),
        PageStatusColumn("status", label=_("Status"), sort_key="live"),
    ]
    filterset_class = EventFilterSet
