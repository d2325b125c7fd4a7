"""Rows become the same instances through QuickLoad (cms/loading.py) as through Django's
constructors, for every page and snippet model."""

import pytest
from django.apps import apps
from django.db.models import Model
from django.db.models.signals import post_init

from cms.loading import QuickLoad, has_quiet_constructors, loading_plan
from events.models import EventPage
from people.models import PersonPage

pytestmark = pytest.mark.django_db

QUICK_MODELS = sorted(
    (model for model in apps.get_models() if issubclass(model, QuickLoad)),
    key=lambda model: model._meta.label,
)


def row_of(model, pk) -> tuple[list, tuple]:
    """(attnames, values) of one row, converted from the database as a query converts them."""
    attnames = [field.attname for field in model._meta.concrete_fields]
    return attnames, model.objects.filter(pk=pk).values_list(*attnames).get()


def both_ways(model, pk):
    """The row made into an instance by QuickLoad and by Django's Model.from_db."""
    attnames, values = row_of(model, pk)
    quick = model.from_db("default", attnames, values)
    attnames, values = row_of(model, pk)  # fresh values: nothing shared between the two
    return quick, Model.from_db.__func__(model, "default", attnames, values)


def state(instance) -> dict:
    """Everything an instance holds: each field's stored value, its dict's keys and kinds, and
    its loading state."""
    fields = type(instance)._meta.concrete_fields
    return {
        "values": {field.attname: field.value_to_string(instance) for field in fields},
        "kinds": {key: type(value) for key, value in vars(instance).items() if key != "_state"},
        "adding": instance._state.adding,
        "db": instance._state.db,
        "cached relations": dict(instance._state.fields_cache),
    }


def test_every_page_and_snippet_model_loads_quickly():
    labels = {model._meta.label for model in QUICK_MODELS}
    assert {"events.EventPage", "people.PersonPage", "home.NewsPage", "home.Topic"} <= labels
    assert {"home.HomePage", "people.Organisation", "people.Award"} <= labels
    assert all(loading_plan(model) is not None for model in QUICK_MODELS)


@pytest.mark.parametrize("model", QUICK_MODELS, ids=lambda model: model._meta.label)
def test_a_row_gives_the_instance_djangos_constructors_give(model):
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True)[:5])
    if not pks:
        pytest.skip(f"the demo content has no {model._meta.label}")
    for pk in pks:
        quick, django = both_ways(model, pk)
        assert state(quick) == state(django)
        assert quick._state.adding is False


def test_streamfields_and_foreign_keys_behave_as_loaded_by_django():
    pk = EventPage.objects.exclude(main_image=None).order_by("pk").values_list("pk", flat=True)[0]
    quick, django = both_ways(EventPage, pk)
    assert [block.block_type for block in quick.body] == [b.block_type for b in django.body]
    assert len(quick.body) > 0
    assert quick.main_image == django.main_image and quick.main_image.pk == quick.main_image_id
    assert quick.locale == django.locale


def test_post_init_receivers_still_see_every_new_instance():
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append((sender, instance.pk, instance.title, instance._state.adding))

    post_init.connect(receiver, sender=PersonPage)
    try:
        people = list(PersonPage.objects.order_by("pk")[:3])
    finally:
        post_init.disconnect(receiver, sender=PersonPage)
    # As with Django's constructor, the instance is still "adding" while post_init runs.
    assert seen == [(PersonPage, person.pk, person.title, True) for person in people]


def test_deferred_columns_and_other_constructors_are_left_to_django():
    person = PersonPage.objects.only("title").order_by("pk").first()
    assert "role" not in vars(person)
    assert person.role == PersonPage.objects.get(pk=person.pk).role  # loads on access

    class Loud:
        def __init__(self):
            self.loud = True

    assert has_quiet_constructors(PersonPage)
    assert not has_quiet_constructors(type("LoudPage", (Loud,), {}))
