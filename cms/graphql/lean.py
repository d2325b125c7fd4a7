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
- a field with a resolver but no arguments: the resolver's own parameters are filled in (self,
  root, parent, info) and strawberry-django's `get_result` called directly, so querysets,
  managers and the types' get_queryset are handled exactly as before.

A field with arguments, field extensions (permission classes are extensions) or an async
resolver keeps strawberry's resolver, as does any field when the schema has exception
handlers. Schema extensions are unaffected: none of ours hooks field resolution (cms/schema.py).
"""

from django.db.models.fields.files import FileDescriptor
from django.db.models.query_utils import DeferredAttribute
from graphql import GraphQLObjectType
from strawberry.types.field import StrawberryField
from strawberry_django.fields.field import StrawberryDjangoField

DEFINITION = "strawberry-definition"


def make_lean(schema) -> list[str]:
    """Replace the resolvers this module can shorten; returns the `Type.field` names replaced."""
    if getattr(schema, "exception_handlers", None):
        return []
    info_class = schema.config.info_class
    replaced = []
    for type_name, graphql_type in schema._schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for field_name, graphql_field in graphql_type.fields.items():
            definition = graphql_field.extensions.get(DEFINITION)
            resolve = lean_resolver(definition, info_class) if definition is not None else None
            if resolve is not None:
                graphql_field.resolve = resolve
                replaced.append(f"{type_name}.{field_name}")
    return replaced


def lean_resolver(field: StrawberryField, info_class):
    if not isinstance(field, StrawberryDjangoField) or field.arguments or field.extensions:
        return None
    if field.base_resolver is None:
        return column_reader(field)
    if field.is_async:
        return None
    return direct_call(field, info_class)


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


def direct_call(field: StrawberryDjangoField, info_class):
    """The resolver called through strawberry-django's get_result, its parameters filled in as
    strawberry's get_arguments fills them for a field without arguments."""
    resolver = field.base_resolver
    takes_self = resolver.self_parameter is not None
    source_names = [
        parameter.name
        for parameter in (resolver.parent_parameter, resolver.root_parameter)
        if parameter is not None
    ]
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None
    get_result = field.get_result

    def call_resolver(source, info):
        strawberry_info = info_class(_raw_info=info, _field=field)
        kwargs = dict.fromkeys(source_names, source)
        if info_name is not None:
            kwargs[info_name] = strawberry_info
        return get_result(source, strawberry_info, [source] if takes_self else [], kwargs)

    return call_resolver
