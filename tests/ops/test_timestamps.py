"""Timestamps read through our backend's loader (cms/db/postgresql/base.py) are the values
Django's own loader gives, and what it cannot read fast goes to Django's."""

import datetime

import psycopg
import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import register_tzloader

from cms.db.postgresql.base import UtcTimestampLoader

pytestmark = pytest.mark.django_db

TIMESTAMPTZ = psycopg.adapters.types["timestamptz"].oid

# What PostgreSQL may write for a timestamptz column: whole seconds, 1 to 6 decimals, the
# first and last years Python has, a leap day, a DST change in Prague, before 1900.
LITERALS = [
    "2026-12-04 23:18:26+00",
    "2026-12-04 23:18:26.1+00",
    "2026-12-04 23:18:26.123456+00",
    "2026-03-29 01:30:00.000001+00",
    "2024-02-29 12:00:00+00",
    "0001-01-01 00:00:00+00",
    "9999-12-31 23:59:59.999999+00",
    "1899-12-31 23:59:59+00",
]


def read(literals: list[str], *, djangos: bool = False, time_zone: str = "UTC") -> list:
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's cursor: its own adapters, as Django makes each one
        if djangos:
            register_tzloader(datetime.UTC, raw)
        cursor.execute("SET LOCAL TIME ZONE %s", [time_zone])
        values = []
        for literal in literals:
            try:
                cursor.execute("SELECT %s::timestamptz", [literal])
                values.append(cursor.fetchone()[0])
            except Exception as error:  # noqa: BLE001 - the refusal is what is compared
                values.append((type(error).__name__, str(error).splitlines()[0]))
        cursor.execute("SET LOCAL TIME ZONE 'UTC'")
        return values


def test_connections_read_timestamps_with_the_fast_loader():
    connection.ensure_connection()
    loader = connection.connection.adapters.get_loader(TIMESTAMPTZ, psycopg.pq.Format.TEXT)
    assert loader is UtcTimestampLoader
    with connection.cursor() as cursor:
        cursor.execute("SELECT '2026-12-04 23:18:26.5+00'::timestamptz")
        assert cursor.fetchone()[0] == datetime.datetime(
            2026, 12, 4, 23, 18, 26, 500000, datetime.UTC
        )


def test_the_fast_loader_gives_what_djangos_gives():
    ours = read(LITERALS)
    assert ours == read(LITERALS, djangos=True)
    assert all(value.tzinfo is datetime.UTC for value in ours)
    assert ours[2] == datetime.datetime(2026, 12, 4, 23, 18, 26, 123456, datetime.UTC)


def test_what_it_does_not_read_goes_to_djangos_loader():
    # Not UTC: PostgreSQL writes the session's offset, Django's loader reads it (and, as Django
    # does, gives the wall time with the connection's zone). Then what Python cannot hold.
    prague = ["2026-07-01 12:00:00+00", "2026-12-24 18:00:00.25+00"]
    assert read(prague, time_zone="Europe/Prague") == read(
        prague, djangos=True, time_zone="Europe/Prague"
    )
    odd = ["infinity", "-infinity", "0044-03-15 12:00:00+00 BC", "10000-01-01 00:00:00+00"]
    ours = read(odd)
    assert ours == read(odd, djangos=True)
    assert all(isinstance(value, tuple) for value in ours)  # refused, as Django refuses them
