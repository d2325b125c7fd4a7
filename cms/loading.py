"""Model instances made from database rows without the constructors' work for new objects.

Django makes an instance of a row by calling the model's constructor with the row's values. For a
page that runs four constructors, and only Django's does anything for a row: modelcluster's scans
every field of the model (a page has over a hundred, reverse relations included) twice, looking
for child relations passed as keyword arguments; Wagtail's two look at whether the page is new.
Then Django's sets each value through the attribute's descriptor. On the event cards (20 events,
their speakers) making the instances was about a tenth of the request's CPU
(benchmarks/profile_cards.py).

`QuickLoad.from_db` does for a complete row exactly what those constructors do for one: sends
pre_init, sets each value (straight into the instance's dict where the attribute's descriptor
would do only that, through the descriptor otherwise: StreamField, country and file fields turn
what they are given into their own values), sends post_init, and marks the instance as loaded.
It does so only for a model whose constructors are all among the four whose work for a row is
known (`QUIET_CONSTRUCTORS`); a model with any other constructor, or a row with deferred
columns, is made by Django as before. tests/cms/test_loading.py holds the two ways to each other
on every page and snippet model.
"""

from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init
from modelcluster.models import ClusterableModel
from wagtail.models.pages import AbstractPage, ShowInMenusMixin

# Constructors that, for a row of the database (an id, no keyword arguments), do nothing beyond
# Django's own Model.__init__.
QUIET_CONSTRUCTORS = frozenset(
    {
        Model.__init__,
        ClusterableModel.__init__,  # only picks child relations out of keyword arguments
        AbstractPage.__init__,  # only sets the content type of a new page
        ShowInMenusMixin.__init__,  # only sets show_in_menus of a new page
    }
)

# Descriptors whose __set__, on an instance being made, only stores the value in its dict:
# DeferredAttribute has no __set__ at all; a foreign key's also forgets a cached related object,
# which a new instance does not have.
PLAIN_DESCRIPTORS = (ForeignKeyDeferredAttribute,)

# model -> ((attname, stored plainly), ...) of its concrete fields, or None when its
# constructors are not all quiet.
_plans: dict[type, tuple | None] = {}


def loading_plan(model: type[Model]) -> tuple | None:
    if model not in _plans:
        _plans[model] = _make_plan(model) if has_quiet_constructors(model) else None
    return _plans[model]


def has_quiet_constructors(model: type[Model]) -> bool:
    return all(
        klass.__dict__["__init__"] in QUIET_CONSTRUCTORS
        for klass in model.__mro__
        if "__init__" in klass.__dict__ and klass is not object
    )


def _make_plan(model: type[Model]) -> tuple:
    return tuple(
        (field.attname, _stored_plainly(model, field.attname))
        for field in model._meta.concrete_fields
    )


def _stored_plainly(model: type[Model], attname: str) -> bool:
    descriptor = next(
        (klass.__dict__[attname] for klass in model.__mro__ if attname in klass.__dict__), None
    )
    if descriptor is None or type(descriptor) is DeferredAttribute:
        return True
    return type(descriptor) in PLAIN_DESCRIPTORS


class QuickLoad:
    """Mixin for models: rows become instances without the constructors (see the module)."""

    @classmethod
    def from_db(cls, db, field_names, values):
        plan = loading_plan(cls)
        if plan is None or len(values) != len(plan):  # Django's own way for deferred columns
            return super().from_db(db, field_names, values)
        pre_init.send(sender=cls, args=values, kwargs={})
        instance = cls.__new__(cls)
        instance._state = ModelState()
        stored = instance.__dict__
        for (attname, plainly), value in zip(plan, values, strict=True):
            if plainly:
                stored[attname] = value
            else:
                setattr(instance, attname, value)
        post_init.send(sender=cls, instance=instance)
        instance._state.adding = False
        instance._state.db = db
        return instance
