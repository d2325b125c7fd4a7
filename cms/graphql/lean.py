"""Shorter resolvers for the fields that need none of strawberry's per-field machinery.

strawberry calls every field through the same chain: a strawberry Info, its argument converter,
the field extensions folded with functools.reduce, then strawberry-django's `get_result`, which
for a model column looks through five kinds of descriptor before it reads the attribute. On a
listing of 20 cards that chain runs some 340 times and was about a tenth of the request's CPU
(benchmarks/profile_cards.py). `make_lean(schema)` gives two kinds of field a shorter path,
with the same answers:

- a model column without a resolver (`title: auto`): a plain `getattr` of the column's
  attribute, which is what strawberry-django reads too (a deferred column loads on access, as
  there). File fields keep strawberry's path (it turns an empty file into null).
- a field with a resolver whose arguments are all built-in scalars (String, Int, Float,
  Boolean, ID, lists of them, optional or not: values strawberry's converter hands on as
  graphql-core gave them): the resolver is called with its parameters filled in (self, root,
  parent, info and the arguments under their Python names), and what it returns is finished as
  strawberry-django finishes it (`finished`: a manager becomes its queryset, a queryset goes
  through the field's queryset hook, so the types' get_queryset and the evaluation of list
  fields are as before). `Image.rendition(spec, format)` is one: 20 per card listing.

A field with an argument of another type (input objects, enums, GlobalID, Maybe), field
extensions (permission classes are extensions) or an async resolver keeps strawberry's resolver,
as does any field when the schema has exception handlers. Schema extensions are unaffected: none
of ours hooks field resolution (cms/schema.py).
"""

import strawberry
from django.db import models
from django.db.models.fields.files import FileDescriptor
from django.db.models.manager import BaseManager
from django.db.models.query_utils import DeferredAttribute
from graphql import GraphQLObjectType
from strawberry.types.base import StrawberryList, StrawberryMaybe, StrawberryOptional
from strawberry.types.field import StrawberryField
from strawberry_django.fields.field import StrawberryDjangoField
from strawberry_django.resolvers import django_resolver, resolve_base_manager

DEFINITION = "strawberry-definition"
# What strawberry's argument converter returns unchanged (strawberry/types/arguments.py).
PLAIN_SCALARS = (str, int, float, bool, strawberry.ID)


def make_lean(schema) -> list[str]:
    """Replace the resolvers this module can shorten; returns the `Type.field` names replaced."""
    if getattr(schema, "exception_handlers", None):
        return []
    config = schema.config
    replaced = []
    for type_name, graphql_type in schema._schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for field_name, graphql_field in graphql_type.fields.items():
            definition = graphql_field.extensions.get(DEFINITION)
            resolve = lean_resolver(definition, config) if definition is not None else None
            if resolve is not None:
                graphql_field.resolve = resolve
                replaced.append(f"{type_name}.{field_name}")
    return replaced


def lean_resolver(field: StrawberryField, config):
    if not isinstance(field, StrawberryDjangoField) or field.extensions:
        return None
    if field.base_resolver is None:
        return None if field.arguments else column_reader(field)
    if field.is_async or not all(takes_plain_values(argument.type) for argument in field.arguments):
        return None
    return direct_call(field, config)


def takes_plain_values(type_) -> bool:
    """Whether strawberry hands an argument of this type on as graphql-core gave it."""
    if isinstance(type_, StrawberryMaybe):
        return False
    if isinstance(type_, StrawberryOptional | StrawberryList):
        return takes_plain_values(type_.of_type)
    return type_ in PLAIN_SCALARS


def column_reader(field: StrawberryDjangoField):
    """`getattr` of the model column the field shows, or None when it is not a plain column."""
    definition = getattr(field.origin, "__strawberry_django_definition__", None)
    model = getattr(definition, "model", None)
    descriptor = getattr(model, field.django_name or field.python_name, None)
    if not isinstance(descriptor, DeferredAttribute) or isinstance(descriptor, FileDescriptor):
        return None
    attname = descriptor.field.attname

    def read_column(source, info):
        return getattr(source, attname)

    return read_column


def direct_call(field: StrawberryDjangoField, config):
    """The resolver called with its parameters filled in as strawberry's get_arguments fills
    them, its answer finished as strawberry-django's get_result finishes it."""
    resolver = field.base_resolver
    function = resolver.wrapped_func
    takes_self = resolver.self_parameter is not None
    source_names = [
        parameter.name
        for parameter in (resolver.parent_parameter, resolver.root_parameter)
        if parameter is not None
    ]
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None
    # GraphQL name -> (Python name, whether a list: strawberry copies lists, since graphql-core
    # hands every request the same default list)
    arguments = {
        config.name_converter.from_argument(argument): (
            argument.python_name,
            isinstance(_without_optional(argument.type), StrawberryList),
        )
        for argument in field.arguments
    }
    info_class = config.info_class

    def call_resolver(source, info, **graphql_arguments):
        strawberry_info = info_class(_raw_info=info, _field=field)
        kwargs = dict.fromkeys(source_names, source)
        if info_name is not None:
            kwargs[info_name] = strawberry_info
        for name, value in graphql_arguments.items():
            python_name, is_list = arguments[name]
            kwargs[python_name] = list(value) if is_list and value is not None else value
        result = function(source, **kwargs) if takes_self else function(**kwargs)
        return finished(field, result, strawberry_info, kwargs)

    return call_resolver


def _without_optional(type_):
    return type_.of_type if isinstance(type_, StrawberryOptional) else type_


def finished(field: StrawberryDjangoField, result, info, kwargs: dict):
    """What strawberry-django makes of a resolver's answer: its django_resolver calls a
    callable and turns a manager into its queryset, then the end of `get_result` runs a queryset
    through the field's queryset hook."""
    if callable(result):
        result = result()
    if isinstance(result, BaseManager):
        result = resolve_base_manager(result)
    if isinstance(result, models.QuerySet):
        kwargs = {"info": info, **kwargs}
        qs_hook = field.get_queryset_hook(**kwargs)
        if field._can_run_qs_hook_inline(result):
            return qs_hook(result)
        return django_resolver(qs_hook, qs_hook=lambda qs: qs)(result)
    return result
