"""Dates of the demo: fixed ones from the seed, and ones counted from the day the demo is built.

The network's own events (2022–2024) keep the dates the seed gives. The events and news of "now"
are written as days from `today`, so that a demo built on any day has upcoming and past events;
tests build it with a fixed day, so their expectations never move.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

PRAGUE_TIME_ZONE = "Europe/Prague"


@dataclass(frozen=True)
class FromToday:
    """A day (and a time of day, in the event's time zone) counted from the build day."""

    days: int
    time: dt.time | None = None

    def date(self, today: dt.date) -> dt.date:
        return today + dt.timedelta(days=self.days)


def at(days: int, hour: int, minute: int = 0) -> FromToday:
    return FromToday(days, dt.time(hour, minute))


def on_day(days: int) -> FromToday:
    return FromToday(days)


def prague(year, month, day, hour=9, minute=0) -> dt.datetime:
    """A naive local time of the seed; the builder makes it aware in the event's time zone."""
    return dt.datetime(year, month, day, hour, minute)


def moment(value: dt.datetime | FromToday, today: dt.date, time_zone: str) -> dt.datetime:
    """An aware datetime: a seed time or a time counted from `today`, in `time_zone`."""
    if isinstance(value, FromToday):
        value = dt.datetime.combine(value.date(today), value.time or dt.time())
    return value.replace(tzinfo=zoneinfo.ZoneInfo(time_zone))


def day(value: dt.date | FromToday | None, today: dt.date) -> dt.date | None:
    if isinstance(value, FromToday):
        return value.date(today)
    return value
