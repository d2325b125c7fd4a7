"""Querysets of a fixed shape compiled to SQL once per process, then run with new values.

Building a queryset and compiling it cost more of the API's CPU than running it: the event
cards spent ~8 ms of a ~40 ms request in Django's `as_sql` and ~6 ms in `filter()`, mostly on the
same few batch queries with other ids (the visible speakers and topics of a page of events, the
inline rows of their relations; benchmarks/profile_cards.py). On PostgreSQL `run()` builds such
a query once for its key, with slots where the values go, keeps the SQL and the compiler that
made it, and afterwards only fills the slots: the SQL text stays the same whatever the number of
ids, because lists go in as one array (`field__any=`: `= ANY(%s)`).

Only values given to `run()` change between runs; everything else the build reads (a model, a
locale, a site's scope) belongs in the key, and the key is the caller's promise that the SQL is
the same for it. Other databases (the SQLite of `make run`) build the queryset each time.
"""

import copy
import datetime
import threading
from collections.abc import Callable, Hashable
from functools import partial

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Field, ForeignObject, Lookup, QuerySet

MAX_ENTRIES = 512  # keys are shapes (model, locale, site scope), not values


class AnyOf(Lookup):
    """`field__any=[…]`: the field equals one of the values. On PostgreSQL `= ANY(%s)` with the
    list as one array parameter, so the SQL does not depend on how many values there are;
    elsewhere `IN (…)`."""

    lookup_name = "any"
    prepare_rhs = False  # the list (or a slot) goes to the database as it is

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        values = [field.get_db_prep_value(value, connection) for value in dict.fromkeys(self.rhs)]
        if not values:
            raise EmptyResultSet
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]


# Relations keep a lookup registry of their own (ForeignObject.get_class_lookups).
Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)


class ListSlot:
    """Where a list of values goes (`field__any=slot`). Not a list: Django would copy a list."""

    def __repr__(self):
        return "<list slot>"


class TimeSlot(datetime.datetime):
    """Where a timestamp goes: a datetime, so date fields and lookups pass it on unchanged."""

    def __repr__(self):
        return "<time slot>"


def time_slot() -> TimeSlot:
    return TimeSlot(2000, 1, 1, tzinfo=datetime.UTC)


class Compiled:
    """One queryset's SQL with the parameter positions of its slots."""

    def __init__(self, template: QuerySet, slots: tuple):
        self.template = template
        self.compiler = template.query.get_compiler(template.db)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        self.positions = [
            [i for i, param in enumerate(self.params) if param is slot] for slot in slots
        ]
        for slot, places in zip(slots, self.positions, strict=True):
            if not places and (isinstance(slot, ListSlot) or slot in self.params):
                # The value would not reach the SQL: every run would answer for the slot's
                # placeholder. (A time the query does not read is fine: a snippet's visibility
                # does not depend on it; a copy of the slot in the parameters is not.)
                raise ValueError(f"{slot!r} not in the compiled query's parameters: {self.sql}")

    def run(self, values: tuple) -> list:
        params = list(self.params)
        for places, value in zip(self.positions, values, strict=True):
            for i in places:
                params[i] = value
        compiler = copy.copy(self.compiler)
        # The compiling thread's connection stays with it: each thread runs on its own.
        compiler.connection = connections[self.compiler.using]
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        template = self.template
        query = copy.copy(template.query)
        query.get_compiler = lambda *args, **kwargs: compiler
        queryset = template.__class__(model=template.model, query=query, using=template._db)
        queryset._iterable_class = template._iterable_class
        queryset._fields = template._fields
        # Evaluated here: the query object answers with this SQL whatever it is asked, so it
        # must not be filtered further.
        return list(queryset)


_compiled: dict[Hashable, Compiled] = {}
_lock = threading.Lock()


def run(key: Hashable, build: Callable[..., QuerySet], *values) -> list:
    """`list(build(*values))`; on PostgreSQL from SQL compiled once per process for `key`.

    `values` are lists (used in `build` as `field__any=value`) or aware datetimes; `build` must
    not read anything else that varies under the same key.
    """
    if connections["default"].vendor != "postgresql":
        return list(build(*values))
    compiled = _compiled.get(key)
    if compiled is None:
        slots = tuple(
            time_slot() if isinstance(value, datetime.datetime) else ListSlot() for value in values
        )
        compiled = Compiled(build(*slots), slots)
        with _lock:
            if len(_compiled) >= MAX_ENTRIES:
                _compiled.clear()
            _compiled[key] = compiled
    return compiled.run(values)


def in_bulk(model, ids: list) -> dict:
    """{pk: object} of the objects of `model` with these ids (Django's `in_bulk`, precompiled)."""
    if not ids:
        return {}
    found = run(("in bulk", model), partial(_with_ids, model), list(ids))
    return {obj.pk: obj for obj in found}


def _with_ids(model, ids) -> QuerySet:
    return model.objects.filter(pk__any=ids)
