"""Persisted queries: Apollo's automatic persisted queries (APQ) and an allowlist of documents.

GRAPHQL_PERSISTED_QUERIES (cms/settings/base.py; docs/graphql.md "Caching and persisted
queries"):

- "apq" (the default): Apollo's protocol. A request may carry `extensions.persistedQuery =
  {"version": 1, "sha256Hash": …}`. With the hash alone, the document the server knows by that
  hash runs (one a client sent before, kept GRAPHQL_APQ_TIMEOUT seconds in the shared cache, or a
  registered one); an unknown hash is answered with the error "PersistedQueryNotFound"
  (PERSISTED_QUERY_NOT_FOUND), on which Apollo's client sends the document with its hash. A
  document with a hash must hash to it (PERSISTED_QUERY_HASH_MISMATCH); it is kept and runs.
  Documents without the extension run as usual. GET works too (`extensions` as a JSON
  parameter), which makes short, cacheable URLs.
- "allowlist" (production, once the frontends register their builds): only documents
  registered with `manage.py register_persisted_queries` (cms.models.PersistedQuery) run, asked
  for by hash or sent in full. A document sent in full is matched by its operation: the
  operation that would run and the fragments it uses, printed by graphql-core, so spacing,
  comments and other operations in the same text do not matter; the registered text is what
  runs. Anything else is refused before it is validated or executed, with
  PERSISTED_QUERY_NOT_ALLOWED.
- "off": the extension is refused with "PersistedQueryNotSupported"
  (PERSISTED_QUERY_NOT_SUPPORTED), on which Apollo's client stops using it.

The limits (cms/graphql/limits.py) apply to persisted documents like to any other: they are
checked when the document runs. Refusals are GraphQL errors with HTTP 200, like the limits'.
"""

import functools
import hashlib
import logging
import re
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from graphql import (
    BREAK,
    ArgumentNode,
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    OperationDefinitionNode,
    SelectionSetNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

from cms.models import PersistedQuery

from .limits import current_limits

logger = logging.getLogger("cms.graphql")

OFF, APQ, ALLOWLIST = "off", "apq", "allowlist"
MODES = (OFF, APQ, ALLOWLIST)

NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED"
INVALID = "PERSISTED_QUERY_INVALID"

HASH = re.compile(r"[0-9a-f]{64}")
PREVIEW_ARGUMENT = "previewToken"


class PersistedQueryError(Exception):
    """A request the persisted-query rules refuse: a GraphQL error with `code`."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


def current_mode() -> str:
    mode = str(getattr(settings, "GRAPHQL_PERSISTED_QUERIES", APQ)).strip().lower()
    return mode if mode in MODES else ALLOWLIST  # a typo must not open the API


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- documents --------------------------------------------------------------------------------


class Document(NamedTuple):
    """What the caches and the allowlist need to know of a document, for one operationName."""

    text: str  # the whole document as graphql-core prints it (no comments, one spacing)
    operation_type: str | None  # "query", "mutation"…; None when no operation is selected
    identity: str | None  # sha256 of the selected operation with its fragments, printed
    asks_for_preview: bool  # a `previewToken` argument anywhere: never cached


def analyse(query: str, operation_name: str | None) -> Document | None:
    """The document's normal form; None when it is over the limits or does not parse (then it
    is left to execution, which refuses it with the proper error)."""
    limits = current_limits()
    return _analyse(query, operation_name, limits["MAX_DOCUMENT_BYTES"], limits["MAX_TOKENS"])


@functools.lru_cache(maxsize=512)
def _analyse(query, operation_name, max_bytes: int, max_tokens: int) -> Document | None:
    # Cached per process: the result depends on the text and the limits only.
    if len(query.encode("utf-8")) > max_bytes:
        return None
    try:
        document = parse(query, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return None
    operation = selected_operation(document, operation_name)
    return Document(
        text=print_ast(document),
        operation_type=operation.operation.value if operation else None,
        identity=sha256_hex(operation_text(document, operation)) if operation else None,
        asks_for_preview=asks_for_preview(document),
    )


def selected_operation(
    document: DocumentNode, operation_name: str | None
) -> OperationDefinitionNode | None:
    operations = [
        definition
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    ]
    if operation_name:
        return next((op for op in operations if op.name and op.name.value == operation_name), None)
    return operations[0] if len(operations) == 1 else None


def operation_text(document: DocumentNode, operation: OperationDefinitionNode) -> str:
    """The operation and the fragments it uses (by name), printed: its identity."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    used = used_fragments(operation, fragments)
    return print_ast(
        DocumentNode(definitions=(operation, *(fragments[name] for name in sorted(used))))
    )


def used_fragments(operation, fragments: dict[str, FragmentDefinitionNode]) -> set[str]:
    used: set[str] = set()
    stack: list[SelectionSetNode] = [operation.selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in used:
                    used.add(name)
                    stack.append(fragments[name].selection_set)
            elif getattr(selection, "selection_set", None) is not None:
                stack.append(selection.selection_set)
    return used


class _PreviewArgument(Visitor):
    found = False

    def enter_argument(self, node: ArgumentNode, *args):
        if node.name.value == PREVIEW_ARGUMENT:
            self.found = True
            return BREAK
        return None


def asks_for_preview(document: DocumentNode) -> bool:
    finder = _PreviewArgument()
    visit(document, finder)
    return finder.found


# --- where documents are kept -----------------------------------------------------------------


def _apq_key(sha256: str) -> str:
    return f"graphql-apq:{sha256}"


def _registered_key(kind: str, value: str, version: str) -> str:
    # Per content version: `register_persisted_queries --prune` bumps it, so no process keeps
    # finding a document that was removed.
    return f"graphql-registered:{version}:{kind}:{value}"


def remember(sha256: str, query: str, cache) -> None:
    """Keep a document a client sent with its hash (APQ), unless it is over the size limit."""
    if cache is not None and len(query.encode("utf-8")) <= current_limits()["MAX_DOCUMENT_BYTES"]:
        cache.set(_apq_key(sha256), query, getattr(settings, "GRAPHQL_APQ_TIMEOUT", 86400))


def registered(kind: str, value: str, cache, version: str | None) -> str | None:
    """The registered document with this `sha256` or `operation_sha256` (kind), if any."""
    key = _registered_key(kind, value, version) if cache is not None and version else None
    if key is not None and (document := cache.get(key)) is not None:
        return document
    document = (
        PersistedQuery.objects.filter(**{kind: value}).values_list("document", flat=True).first()
    )
    if document is not None and key is not None:
        cache.set(key, document, getattr(settings, "GRAPHQL_APQ_TIMEOUT", 86400))
    return document


# --- the rules --------------------------------------------------------------------------------


def resolve(
    query: str | None,
    operation_name: str | None,
    extensions: dict | None,
    cache,
    version: Callable[[], str | None],
) -> str | None:
    """The document to run for a request (PersistedQueryError when it may not run).

    `cache` is the shared cache (None when caching is off), `version` gives the content version.
    """
    mode = current_mode()
    persisted = (extensions or {}).get("persistedQuery")
    if persisted is not None:
        if mode == OFF:
            raise PersistedQueryError("PersistedQueryNotSupported", NOT_SUPPORTED)
        sha256 = checked_hash(persisted)
        if query is None:
            return stored(sha256, mode, cache, version)
        if sha256_hex(query) != sha256:
            raise PersistedQueryError(
                f"The query's sha256 is {sha256_hex(query)}, not the persistedQuery.sha256Hash "
                f"{sha256}.",
                HASH_MISMATCH,
            )
        if mode == APQ:
            remember(sha256, query, cache)
    if mode == ALLOWLIST and query is not None:
        return allowed(query, operation_name, cache, version)
    return query


def checked_hash(persisted) -> str:
    sha256 = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    if (
        not isinstance(persisted, dict)
        or persisted.get("version") != 1
        or not isinstance(sha256, str)
        or not HASH.fullmatch(sha256.lower())
    ):
        raise PersistedQueryError(
            'extensions.persistedQuery must be {"version": 1, "sha256Hash": "<the sha256 of '
            'the query, 64 hexadecimal digits>"}.',
            INVALID,
        )
    return sha256.lower()


def stored(sha256: str, mode: str, cache, version) -> str:
    """The document known by this hash: sent by a client before (APQ) or registered."""
    document = None
    if mode == APQ and cache is not None:
        document = cache.get(_apq_key(sha256))
    if document is None:
        document = registered("sha256", sha256, cache, version())
    if document is None:
        raise PersistedQueryError("PersistedQueryNotFound", NOT_FOUND)
    return document


def allowed(query: str, operation_name: str | None, cache, version) -> str:
    """The registered text of the operation `query` runs; PERSISTED_QUERY_NOT_ALLOWED if none."""
    document = analyse(query, operation_name)
    found = None
    if document is not None and document.identity is not None:
        found = registered("operation_sha256", document.identity, cache, version())
    if found is None:
        name = f"'{operation_name}' " if operation_name else ""
        raise PersistedQueryError(
            f"This server runs registered documents only (GRAPHQL_PERSISTED_QUERIES=allowlist) "
            f"and the operation {name}is not one of them. Register the frontend's documents "
            "with `manage.py register_persisted_queries`, or send the sha256Hash of one.",
            NOT_ALLOWED,
        )
    return found
