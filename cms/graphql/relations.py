"""Relations of pages and snippets, loaded for a whole batch of objects at once.

Every relation ends in the reader's locale and contains only visible objects: a draft event in a
news item's related events simply is not there. The target model is read from the foreign key,
so a schema names only the relation.
"""

from collections import defaultdict

import strawberry_django
from strawberry.types import Info
from wagtail.images.models import Image

from cms.db import precompiled
from cms.renditions import load_renditions

from .context import context
from .localize import localized_keys
from .streamfield import convert_streams


def many(info: Info, root, name: str, through, fk: str, parent: str = "page"):
    """Targets of an inline list (an Orderable with a ParentalKey `parent` and a FK `fk`)."""
    ctx = context(info)
    target_model = through._meta.get_field(fk).related_model

    def compute(objects, locale, fallback):
        stored = [obj for obj in objects if not ctx.is_in_memory(obj)]
        rows = inline_rows(through, fk, parent, [obj.pk for obj in stored]) if stored else []
        in_memory = [obj for obj in objects if ctx.is_in_memory(obj)]
        rows += in_memory_rows(in_memory, through, fk, parent)
        targets = localized_keys(info, target_model, [key for _, key in rows], locale, fallback)
        by_key = {target.translation_key: target for target in targets}
        result = defaultdict(list)
        for parent_id, key in rows:
            if key in by_key:
                result[parent_id].append(by_key[key])
        return {obj.pk: result[obj.pk] for obj in objects}

    return ctx.batch(name, root, compute)


def inline_rows(through, fk: str, parent: str, parent_ids: list) -> list[tuple]:
    """(parent id, target translation key) of the stored parents' inline rows, in order."""
    return precompiled.run(
        ("inline rows", through, fk, parent),
        lambda ids: (
            through.objects.filter(**{f"{parent}_id__any": ids})
            .order_by(f"{parent}_id", "sort_order", "pk")
            .values_list(f"{parent}_id", f"{fk}__translation_key")
        ),
        parent_ids,
    )


def in_memory_rows(objects, through, fk: str, parent: str) -> list[tuple]:
    """(parent id, target translation key) of in-memory pages' inline rows, in order."""
    if not objects:
        return []
    related_name = through._meta.get_field(parent).remote_field.related_name
    children = {
        obj.pk: sorted(getattr(obj, related_name).all(), key=lambda c: c.sort_order or 0)
        for obj in objects
    }
    target_model = through._meta.get_field(fk).related_model
    ids = {getattr(child, f"{fk}_id") for rows in children.values() for child in rows}
    keys = dict(target_model.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    return [
        (pk, keys[getattr(child, f"{fk}_id")])
        for pk, rows in children.items()
        for child in rows
        if getattr(child, f"{fk}_id") in keys
    ]


def one(info: Info, root, name: str, fk: str):
    """The target of a foreign key, in the reader's locale, or None when it is not visible."""
    target_model = type(root)._meta.get_field(fk).related_model

    def compute(objects, locale, fallback):
        ids = list({getattr(obj, f"{fk}_id") for obj in objects} - {None})
        keys = dict(translation_keys(target_model, ids)) if ids else {}
        targets = localized_keys(info, target_model, list(keys.values()), locale, fallback)
        by_key = {target.translation_key: target for target in targets}
        return {obj.pk: by_key.get(keys.get(getattr(obj, f"{fk}_id"))) for obj in objects}

    return context(info).batch(name, root, compute)


def translation_keys(model, ids: list) -> list[tuple]:
    """(pk, translation key) of the objects with these ids."""
    return precompiled.run(
        ("translation keys", model),
        lambda ids: model.objects.filter(pk__any=ids).values_list("pk", "translation_key"),
        ids,
    )


def image(info: Info, root, field_name: str) -> Image | None:
    """An image foreign key, with its renditions, for the whole batch in two queries."""

    def compute(objects, locale, fallback):
        ids = list({getattr(obj, f"{field_name}_id") for obj in objects} - {None})
        images = precompiled.in_bulk(Image, ids)
        load_renditions(images.values())
        return {obj.pk: images.get(getattr(obj, f"{field_name}_id")) for obj in objects}

    return context(info).batch(field_name, root, compute)


def stream(info: Info, root, field_name: str):
    """A StreamField's typed blocks, built for the whole batch at once."""

    def compute(objects, locale, fallback):
        return convert_streams(info, objects, field_name, locale, fallback)

    return context(info).batch(field_name, root, compute)


# --- fields of the types: one line each, described by the model field's help_text ----------


def _field_of(model_attribute):
    """The model field behind `Model.attribute` (Django's and Wagtail's descriptors)."""
    return model_attribute.field


def _described(field) -> str:
    """The field's help text as the API's description: a plain string now (the schema is made
    in English, cms/schema.py), not the admin's translatable text, which would be printed in
    whatever language is active when the SDL is."""
    return str(field.help_text)


def image_of(model_attribute):
    """A field for an image foreign key, e.g. `image_of(models.NewsPage.main_image)`."""
    name = _field_of(model_attribute).name

    def resolve(root, info: Info):
        return image(info, root, name)

    return strawberry_django.field(resolve, description=_described(_field_of(model_attribute)))


def blocks_of(model_attribute):
    """A field for a StreamField's typed blocks, e.g. `blocks_of(models.NewsPage.body)`."""
    name = _field_of(model_attribute).name

    def resolve(root, info: Info):
        return stream(info, root, name)

    return strawberry_django.field(resolve, description=_described(_field_of(model_attribute)))


def target_of(model_attribute):
    """A field for a foreign key to a translatable object, in the reader's locale."""
    name = _field_of(model_attribute).name

    def resolve(root, info: Info):
        return one(info, root, name, name)

    return strawberry_django.field(resolve, description=_described(_field_of(model_attribute)))


def inline_list(through, parent: str = "page"):
    """A field for the targets of an inline list (`through` rows with a ParentalKey `parent`
    and one foreign key to what they list), described by the ParentalKey's help_text."""
    parental = through._meta.get_field(parent)
    fk = next(
        field.name
        for field in through._meta.get_fields()
        if field.many_to_one and field.name not in (parent, "locale")
    )
    batch_name = through._meta.label_lower

    def resolve(root, info: Info):
        return many(info, root, batch_name, through, fk, parent)

    return strawberry_django.field(resolve, description=_described(parental))
