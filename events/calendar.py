"""iCalendar (RFC 5545) exports of events: a feed per locale and one file per event.

/events/calendar.ics?locale=cs lists every visible event of the locale; /events/<id>.ics is one
event. Times carry the event's own time zone (with its VTIMEZONE), texts are the locale's.
"""

from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.paths import frontend_url
from cms.visibility import PublicScope, visible

from .models import EventIndexPage, EventPage

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//Czech-Ukrainian Digital Innovation//CMS//EN"
# Feeds change when editors publish; calendar apps poll them, proxies may keep them briefly.
CACHE_CONTROL = "public, max-age=300"


def ics_path(page: EventPage) -> str:
    return reverse("event-ics", args=[page.pk])


def _scope(request) -> PublicScope:
    return PublicScope.of_site(Site.find_for_request(request))


def _uid(page: EventPage) -> str:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    # The same event in another language is another calendar entry: the locale is in the UID.
    return f"event-{page.translation_key}-{page.locale.language_code}@{host}"


def _location(page: EventPage) -> str:
    address = page.address.replace("\n", ", ")
    # Addresses usually end with the city already.
    city = "" if page.city and page.city in address else page.city
    parts = [page.venue, address, city]
    return ", ".join(part.strip() for part in parts if part.strip()) or page.online_url


def _description(page: EventPage) -> str:
    lines = [page.summary]
    if page.online_url:
        lines.append(page.online_url)
    if page.registration_url:
        lines.append(page.registration_url)
    return "\n\n".join(line for line in lines if line)


def to_vevent(page: EventPage) -> icalendar.Event:
    language = {"LANGUAGE": page.locale.language_code}
    event = icalendar.Event()
    event.add("uid", _uid(page))
    event.add("dtstamp", page.last_published_at or timezone.now())
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    event.add("dtstart", page.start.astimezone(page.tzinfo))
    event.add("dtend", page.end.astimezone(page.tzinfo))
    event.add("summary", page.title, parameters=language)
    description = _description(page)
    if description:
        event.add("description", description, parameters=language)
    location = _location(page)
    if location:
        event.add("location", location, parameters=language)
    url = frontend_url(page)
    if url:
        event.add("url", url)
    return event


def to_calendar(pages, name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for page in pages:
        calendar.add_component(to_vevent(page))
    calendar.add_missing_timezones()
    return calendar


def _response(calendar: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = CACHE_CONTROL
    return response


def calendar_feed(request):
    """Every visible event of `?locale=` (default: the site's default locale), soonest first."""
    code = request.GET.get("locale") or Locale.get_default().language_code
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        known = ", ".join(sorted(Locale.objects.values_list("language_code", flat=True)))
        raise Http404(f"Unknown locale {code!r}; this site has: {known}.")
    scope = _scope(request)
    events = visible(EventPage, scope, locale).select_related("locale").order_by("start", "pk")
    index_page = visible(EventIndexPage, scope, locale).first()
    name = f"{settings.WAGTAIL_SITE_NAME} – {index_page.title if index_page else 'Events'}"
    return _response(to_calendar(events, name), f"events-{code}.ics")


def event_ics(request, page_id: int):
    """One visible event, in its own locale."""
    page = visible(EventPage, _scope(request)).filter(pk=page_id).select_related("locale").first()
    if page is None:
        raise Http404("No such event.")
    return _response(to_calendar([page], page.title), f"{page.slug}.ics")
