"""Limits on what one GraphQL request may ask for, checked before any resolver or SQL runs.

The settings are `GRAPHQL_LIMITS` (cms/settings/base.py; docs/deployment.md, "API limits").
`QueryLimits` checks, in this order, and refuses with a GraphQL error of its own code
(cms/graphql/errors.py):

- before parsing: the size of the query text (MAX_DOCUMENT_BYTES), then the parser stops after
  MAX_TOKENS tokens;
- which operation runs: several operations need an `operationName` and it must name one of them;
- fragments must not spread themselves, directly or not;
- argument values, literal or in variables: no list longer than MAX_LIST_LENGTH, no input nested
  deeper than MAX_INPUT_DEPTH;
- the operation that runs: its depth (MAX_DEPTH), aliases (MAX_ALIASES), fields (MAX_FIELDS)
  and estimated cost (MAX_COST).

The analysis is linear in the size of the document. Fragments are ordered so that every fragment
comes after the fragments it spreads (a depth-first walk of the spread graph, which also finds
cycles), and the statistics of each fragment are computed once, in that order. A spread then adds
the fragment's numbers where it stands, counted as many times as it is spread, without walking
the fragment again; so a chain of 25 fragments each spreading the one before twice costs 25
small walks and is refused as 2^24 fields. Nothing is recursive (explicit stacks everywhere), so
neither long fragment chains nor deep nesting can reach Python's recursion limit. strawberry's
own QueryDepthLimiter and MaxAliasesLimiter expand every spread again and take exponential time
on such documents (CVE-2026-47706, CVE-2026-47707), so they are not used.

How things are counted (graphql-armor's max-depth, max-aliases and cost-limit, with list sizes):

- depth: levels of selection sets below the root fields, as strawberry's QueryDepthLimiter
  counted it: `{ events { results { title } } }` has depth 2. Fragments add no level.
- aliases and fields: every aliased field and every field, a fragment counted at each spread.
- cost: each field costs 1 plus the cost of what it selects; a list field multiplies what it
  selects by its length. The length of a listing's `results` is the listing's page size: its
  `pagination: {limit}` (from the variables when it is one), else PAGINATION_DEFAULT_LIMIT,
  never more than PAGINATION_MAX_LIMIT. A list field with an Int `limit` argument
  (`autocomplete`) uses it; other lists (topics, speakers, breadcrumbs, body blocks…) count
  ASSUMED_LIST_SIZE items. So a page of 100 inside a page of 100 costs over 10,000.
- introspection (`__schema`, `__type` and below) counts towards fields and aliases but not depth
  nor cost; its nesting is bounded by graphql-core's MaxIntrospectionDepthRule, one of the
  validation rules strawberry runs.
"""

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from .documents import parsed
from .errors import (
    DocumentTooLarge,
    FragmentCycle,
    InputTooDeep,
    ListTooLong,
    OperationNameRequired,
    QueryTooCostly,
    QueryTooDeep,
    TooManyAliases,
    TooManyFields,
    TooManyTokens,
    UnknownOperation,
)

# The defaults of settings.GRAPHQL_LIMITS, used for keys it leaves out (base.py states them too;
# tests/graphql/test_limits.py checks that both agree).
DEFAULT_LIMITS = {
    "MAX_BODY_BYTES": 100_000,
    "MAX_DOCUMENT_BYTES": 20_000,
    "MAX_TOKENS": 2_000,
    "MAX_DEPTH": 10,
    "MAX_ALIASES": 30,
    "MAX_FIELDS": 500,
    "MAX_COST": 15_000,
    "ASSUMED_LIST_SIZE": 10,
    "MAX_LIST_LENGTH": 20,
    "MAX_INPUT_DEPTH": 10,
}


def current_limits() -> dict[str, int]:
    """The limits in force: settings.GRAPHQL_LIMITS over the defaults (read at each request)."""
    return {**DEFAULT_LIMITS, **getattr(settings, "GRAPHQL_LIMITS", {})}


class QueryLimits(SchemaExtension):
    """Refuses documents over the limits, after parsing and before validation and execution."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        limits = current_limits()
        context.parse_options["max_tokens"] = limits["MAX_TOKENS"]
        if context.graphql_document is None and context.query:
            context.graphql_document = parse_document(context.query, limits)
        yield
        if context.graphql_document is not None:
            check_document(
                context.graphql_document,
                context.schema._schema,
                # Only the name the client gave: strawberry's `operation_name` falls back to the
                # first operation's name, which is the very thing to refuse here.
                operation_name=getattr(context, "_provided_operation_name", None),
                variables=context.variables,
                limits=limits,
            )


def parse_document(query: str, limits: Mapping[str, int]) -> DocumentNode | None:
    """The parsed query, or None for a syntax error (which strawberry then reports as usual)."""
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > limits["MAX_DOCUMENT_BYTES"]:
        raise DocumentTooLarge(
            f"The query is {size} bytes long; at most {limits['MAX_DOCUMENT_BYTES']} bytes "
            "are allowed (MAX_DOCUMENT_BYTES)."
        )
    try:
        # Once per text and process (cms/graphql/documents.py).
        return parsed(query, limits["MAX_TOKENS"])
    except GraphQLError as error:
        if "tokens. Parsing aborted." in error.message:
            raise TooManyTokens(
                f"The query has more than {limits['MAX_TOKENS']} tokens; at most "
                f"{limits['MAX_TOKENS']} are allowed (MAX_TOKENS)."
            ) from None
        if "nested too deeply" in error.message:
            raise QueryTooDeep(
                f"The query is nested too deeply to be read; at most {limits['MAX_DEPTH']} "
                "levels are allowed (MAX_DEPTH)."
            ) from None
        return None


def check_document(
    document: DocumentNode,
    schema: GraphQLSchema,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
    limits: Mapping[str, int] | None = None,
) -> "Stats":
    """Refuse the document if it is over a limit; else the statistics of its operation."""
    limits = {**DEFAULT_LIMITS, **(limits or {})}
    operation = select_operation(document, operation_name)
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    order = fragment_order(fragments)
    variables = dict(variables or {}) if isinstance(variables, Mapping) else {}
    analysis = Analysis(schema, operation, variables, limits)
    for name in order:
        fragment = fragments[name]
        analysis.fragments[name] = analysis.selection_set(
            fragment.selection_set, schema.get_type(fragment.type_condition.name.value)
        )
    stats = analysis.selection_set(operation.selection_set, root_type(schema, operation))
    name = operation.name.value if operation.name else "anonymous"
    if stats.depth > limits["MAX_DEPTH"]:
        # strawberry's QueryDepthLimiter message, which clients may already look for.
        raise QueryTooDeep(f"'{name}' exceeds maximum operation depth of {limits['MAX_DEPTH']}")
    if stats.aliases > limits["MAX_ALIASES"]:
        raise TooManyAliases(
            f"The query uses {stats.aliases} aliases; at most {limits['MAX_ALIASES']} are "
            "allowed (MAX_ALIASES)."
        )
    if stats.fields > limits["MAX_FIELDS"]:
        raise TooManyFields(
            f"The query selects {stats.fields} fields, fragments counted at each use; at most "
            f"{limits['MAX_FIELDS']} are allowed (MAX_FIELDS)."
        )
    if stats.total_cost > limits["MAX_COST"]:
        raise QueryTooCostly(
            f"The query's estimated cost is {stats.total_cost}; at most {limits['MAX_COST']} is "
            "allowed (MAX_COST). Ask for fewer items per page or fewer nested lists."
        )
    return stats


def select_operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode:
    """The operation that runs; refuse guessing when there are several."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        if len(operations) > 1:
            raise OperationNameRequired(
                f"The document has {len(operations)} operations; name the one to run in "
                "operationName."
            )
        if not operations:
            raise UnknownOperation("The document has no operation to run.")
        return operations[0]
    for operation in operations:
        if operation.name is not None and operation.name.value == name:
            return operation
    raise UnknownOperation(f"operationName {name!r} names no operation of the document.")


def root_type(
    schema: GraphQLSchema, operation: OperationDefinitionNode
) -> GraphQLObjectType | None:
    return {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }.get(operation.operation)


def fragment_order(fragments: Mapping[str, FragmentDefinitionNode]) -> list[str]:
    """Fragment names, each after those it spreads; FRAGMENT_CYCLE when they form a cycle."""
    spreads = {name: spread_names(fragment.selection_set) for name, fragment in fragments.items()}
    order: list[str] = []
    done: set[str] = set()
    for start in fragments:
        if start in done:
            continue
        path = [start]
        on_path = {start}
        stack = [iter(spreads[start])]
        while stack:
            for name in stack[-1]:
                if name not in fragments or name in done:
                    continue
                if name in on_path:
                    cycle = [*path[path.index(name) :], name]
                    raise FragmentCycle(
                        f"Fragment {name!r} spreads itself ({' → '.join(cycle)}); fragments "
                        "must not form a cycle."
                    )
                path.append(name)
                on_path.add(name)
                stack.append(iter(spreads[name]))
                break
            else:
                stack.pop()
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                order.append(finished)
    return order


def spread_names(selection_set: SelectionSetNode) -> list[str]:
    """Names of the fragments spread anywhere in a selection set, each once."""
    names: dict[str, None] = {}
    stack = [selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                names[selection.name.value] = None
            elif selection.selection_set is not None:
                stack.append(selection.selection_set)
    return list(names)


class Stats:
    """What a selection set asks for. `page_cost` is the part its listing's page size multiplies
    (the items of a page type's lists: `results`); `cost` is the rest."""

    __slots__ = ("depth", "fields", "aliases", "cost", "page_cost")

    def __init__(self) -> None:
        self.depth = self.fields = self.aliases = self.cost = self.page_cost = 0

    def add(self, other: "Stats") -> None:
        self.depth = max(self.depth, other.depth)
        self.fields += other.fields
        self.aliases += other.aliases
        self.cost += other.cost
        self.page_cost += other.page_cost

    @property
    def total_cost(self) -> int:
        # Lists of a page type outside a listing field cannot occur; count them at the most.
        return self.cost + self.page_cost * settings.STRAWBERRY_DJANGO["PAGINATION_MAX_LIMIT"]


class FieldInfo(NamedTuple):
    type: GraphQLNamedType | None  # of what the field selects; None when unknown
    is_list: bool
    size: int  # items a list field is counted with
    page_size: int | None  # of a listing field (one with a `pagination` argument)
    in_page: bool  # a list field of a page type: its length is the listing's page size
    introspection: bool


UNKNOWN_FIELD = FieldInfo(None, False, 0, None, False, False)
NOTHING = Stats()  # what a leaf field selects (never changed)


class Analysis:
    """Statistics of selection sets; fragments must be analysed before the sets that spread them."""

    def __init__(
        self,
        schema: GraphQLSchema,
        operation: OperationDefinitionNode,
        variables: dict[str, Any],
        limits: Mapping[str, int],
    ):
        self.schema = schema
        self.limits = limits
        pagination = settings.STRAWBERRY_DJANGO
        self.default_page = pagination["PAGINATION_DEFAULT_LIMIT"]
        self.max_page = pagination["PAGINATION_MAX_LIMIT"]
        self.page_types = page_types(schema)
        self.fragments: dict[str, Stats] = {}
        for definition in operation.variable_definitions or ():
            name = definition.variable.name.value
            if name in variables:
                self.check_input(variables[name], f"Variable '${name}'")
            elif definition.default_value is not None:
                self.check_input_node(definition.default_value, f"Variable '${name}'")
                variables[name] = value_from_ast_untyped(definition.default_value)
        self.variables = variables

    # --- selections -------------------------------------------------------------------------

    def selection_set(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None
    ) -> Stats:
        result = Stats()
        # Frames: the selections left, their parent type, their statistics, and how these
        # statistics join the frame below (the field that selected them, or None for an inline
        # fragment).
        stack: list[tuple[Iterator, GraphQLNamedType | None, Stats, FieldInfo | None]] = [
            (iter(selection_set.selections), parent, result, None)
        ]
        while stack:
            selections, parent, stats, _ = stack[-1]
            selection = next(selections, None)
            if selection is None:
                _, _, child, info = stack.pop()
                if len(stack) == 0:
                    break
                outer = stack[-1][2]
                if info is None:
                    outer.add(child)
                else:
                    self.join_field(outer, child, info, has_selections=True)
                continue
            if isinstance(selection, FieldNode):
                info = self.field_info(parent, selection)
                stats.fields += 1
                if selection.alias is not None:
                    stats.aliases += 1
                if selection.selection_set is None:
                    self.join_field(stats, NOTHING, info, has_selections=False)
                else:
                    stack.append(
                        (iter(selection.selection_set.selections), info.type, Stats(), info)
                    )
            elif isinstance(selection, InlineFragmentNode):
                self.check_directives(selection)
                inner = parent
                if selection.type_condition is not None:
                    inner = self.schema.get_type(selection.type_condition.name.value)
                stack.append((iter(selection.selection_set.selections), inner, Stats(), None))
            elif isinstance(selection, FragmentSpreadNode):
                self.check_directives(selection)
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:  # unknown fragments are left to validation
                    stats.add(fragment)
        return result

    def join_field(self, outer: Stats, child: Stats, info: FieldInfo, has_selections: bool):
        """Add a field, whose selections have the statistics `child`, to its selection set."""
        outer.fields += child.fields
        outer.aliases += child.aliases
        if info.introspection:
            return
        if has_selections:
            outer.depth = max(outer.depth, child.depth + 1)
        page_size = info.page_size if info.page_size is not None else self.max_page
        inner = child.cost + page_size * child.page_cost
        if not info.is_list:
            outer.cost += 1 + inner
        elif info.in_page:
            outer.cost += 1
            outer.page_cost += inner
        else:
            outer.cost += 1 + info.size * inner

    def field_info(self, parent: GraphQLNamedType | None, node: FieldNode) -> FieldInfo:
        self.check_directives(node)
        for argument in node.arguments or ():
            self.check_input_node(argument.value, f"Argument '{argument.name.value}'")
        name = node.name.value
        if name == "__typename":
            return UNKNOWN_FIELD
        if parent is not None and parent is self.schema.query_type and name == "__schema":
            return FieldInfo(get_named_type(SchemaMetaFieldDef.type), False, 0, None, False, True)
        if parent is not None and parent is self.schema.query_type and name == "__type":
            return FieldInfo(get_named_type(TypeMetaFieldDef.type), False, 0, None, False, True)
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return UNKNOWN_FIELD
        field = parent.fields.get(name)
        if field is None:
            return UNKNOWN_FIELD  # validation reports it
        is_list = is_list_type(get_nullable_type(field.type))
        page_size = None
        if "pagination" in field.args:
            page_size = self.page_size(argument_value(node, "pagination"), self.default_page)
        size = self.limits["ASSUMED_LIST_SIZE"]
        if page_size is not None:
            size = page_size
        elif is_list and "limit" in field.args:
            default = field.args["limit"].default_value
            limit = argument_value(node, "limit")
            value = default if limit is None else self.value(limit)
            size = self.page_size({"limit": value}, self.default_page)
        return FieldInfo(
            type=get_named_type(field.type),
            is_list=is_list,
            size=size,
            page_size=page_size,
            in_page=is_list and parent in self.page_types,
            introspection=parent.name.startswith("__"),
        )

    def page_size(self, pagination: Any, default: int) -> int:
        """Items a listing counts: its limit, the default without one, the maximum at most."""
        if isinstance(pagination, VariableNode | ObjectValueNode):
            pagination = self.value(pagination)
        limit = pagination.get("limit") if isinstance(pagination, dict) else None
        if limit is None:
            return default
        if not isinstance(limit, int) or isinstance(limit, bool):
            return default  # not an Int: refused by validation before anything runs
        if limit < 1 or limit > self.max_page:
            return self.max_page  # refused by the resolver; count the most it could be
        return limit

    def value(self, node) -> Any:
        return value_from_ast_untyped(node, self.variables)

    # --- input values -----------------------------------------------------------------------

    def check_directives(self, node) -> None:
        for directive in node.directives or ():
            for argument in directive.arguments or ():
                self.check_input_node(argument.value, f"Argument '{argument.name.value}'")

    def check_input_node(self, node, what: str) -> None:
        """Lists in a literal value: at most MAX_LIST_LENGTH items, MAX_INPUT_DEPTH levels."""
        if not isinstance(node, ListValueNode | ObjectValueNode):
            return
        stack = [(node, 1)]
        while stack:
            node, depth = stack.pop()
            self.check_level(what, depth)
            if isinstance(node, ListValueNode):
                self.check_length(what, len(node.values))
                children = node.values
            else:
                children = [field.value for field in node.fields]
            stack.extend(
                (child, depth + 1)
                for child in children
                if isinstance(child, ListValueNode | ObjectValueNode)
            )

    def check_input(self, value: Any, what: str) -> None:
        """The same for a variable's value (decoded JSON)."""
        stack = [(value, 1)]
        while stack:
            value, depth = stack.pop()
            if isinstance(value, list):
                self.check_level(what, depth)
                self.check_length(what, len(value))
                stack.extend((item, depth + 1) for item in value)
            elif isinstance(value, dict):
                self.check_level(what, depth)
                stack.extend((item, depth + 1) for item in value.values())

    def check_length(self, what: str, length: int) -> None:
        if length > self.limits["MAX_LIST_LENGTH"]:
            raise ListTooLong(
                f"{what} has a list of {length} items; at most {self.limits['MAX_LIST_LENGTH']} "
                "are allowed (MAX_LIST_LENGTH)."
            )

    def check_level(self, what: str, depth: int) -> None:
        if depth > self.limits["MAX_INPUT_DEPTH"]:
            raise InputTooDeep(
                f"{what} nests lists and objects more than {self.limits['MAX_INPUT_DEPTH']} "
                "levels deep (MAX_INPUT_DEPTH)."
            )


def argument_value(node: FieldNode, name: str):
    for argument in node.arguments or ():
        if argument.name.value == name:
            return argument.value
    return None


_page_types: dict[int, tuple[GraphQLSchema, frozenset]] = {}


def page_types(schema: GraphQLSchema) -> frozenset:
    """Types that listing fields (those with a `pagination` argument) return."""
    cached = _page_types.get(id(schema))
    if cached is None or cached[0] is not schema:
        types = frozenset(
            get_named_type(field.type)
            for type_ in schema.type_map.values()
            if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType)
            for field in type_.fields.values()
            if "pagination" in field.args
        )
        cached = _page_types[id(schema)] = (schema, types)
    return cached[1]
