"""manage.py register_persisted_queries: register the GraphQL documents of a frontend's build.

In GRAPHQL_PERSISTED_QUERIES "allowlist" mode only registered documents run
(cms/graphql/persisted.py; docs/deployment.md "Caching"). The command takes

- `.graphql`/`.gql` files and directories of them: every operation is registered on its own,
  with the fragments it uses (fragments may live in other files of the same run), as
  graphql-core prints it;
- Apollo persisted query manifests (`.json`, from `generate-persisted-query-manifest`):
  `{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name",
  "type", "body"}]}`; each body is registered as it is, under its id (its sha256, checked).

Every document is validated against the schema first; one that does not validate (or a file
that does not parse) stops the command before anything is registered. Registering again is a
no-op; `--prune` removes registered documents that are not in the given build (and retires cached
answers, through the content version).
"""

import json
from pathlib import Path
from typing import NamedTuple

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    parse,
    validate,
)

from cms import content_version
from cms.graphql.persisted import operation_text, selected_operation, sha256_hex
from cms.models import PersistedQuery
from cms.schema import schema

GRAPHQL_SUFFIXES = (".graphql", ".gql")
MANIFEST_FORMAT = "apollo-persisted-query-manifest"


class Entry(NamedTuple):
    sha256: str
    operation_sha256: str
    document: str
    operation_name: str
    source: str


class Command(BaseCommand):
    help = (
        "Register the GraphQL documents of a frontend's build (.graphql files or directories, "
        "Apollo persisted query manifests) for GRAPHQL_PERSISTED_QUERIES=allowlist."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help=".graphql files, directories, manifests")
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Remove registered documents that are not in the given build.",
        )

    def handle(self, *args, paths, prune, **options):
        entries = collect([Path(path) for path in paths])
        check_against_schema(entries)
        with transaction.atomic():
            added, kept = register(entries)
            pruned = prune_others(entries) if prune else []
        for entry in added:
            self.stdout.write(f"Registered {describe(entry)} from {entry.source}")
        for row in pruned:
            self.stdout.write(f"Pruned {row.operation_name or '(anonymous)'} {row.sha256}")
        if pruned:
            content_version.changed()
        self.stdout.write(
            f"{len(added)} registered, {kept} already registered"
            + (f", {len(pruned)} pruned" if prune else "")
            + "."
        )


def describe(entry: Entry) -> str:
    return f"{entry.operation_name or '(anonymous)'} {entry.sha256}"


# --- reading a build --------------------------------------------------------------------------


def collect(paths: list[Path]) -> list[Entry]:
    graphql_files, manifests = [], []
    for path in paths:
        if path.is_dir():
            graphql_files += sorted(
                found for suffix in GRAPHQL_SUFFIXES for found in path.rglob(f"*{suffix}")
            )
        elif not path.is_file():
            raise CommandError(f"{path}: no such file or directory.")
        elif path.suffix == ".json":
            manifests.append(path)
        elif path.suffix in GRAPHQL_SUFFIXES:
            graphql_files.append(path)
        else:
            raise CommandError(f"{path}: not a .graphql, .gql or .json (manifest) file.")
    entries = from_graphql_files(graphql_files)
    for manifest in manifests:
        entries += from_manifest(manifest)
    return list({entry.sha256: entry for entry in entries}.values())


def parsed(text: str, source: str) -> DocumentNode:
    try:
        return parse(text, no_location=False)
    except GraphQLError as error:
        raise CommandError(f"{source}: {error.message} {locations(error)}".strip()) from None


def locations(error: GraphQLError) -> str:
    return " ".join(
        f"(line {where.line}, column {where.column})" for where in error.locations or ()
    )


def from_graphql_files(files: list[Path]) -> list[Entry]:
    """Every operation of the files, with the fragments it uses from any of them."""
    operations: list[tuple[OperationDefinitionNode, str]] = []
    fragments: dict[str, tuple[FragmentDefinitionNode, str]] = {}
    for file in files:
        document = parsed(file.read_text(encoding="utf-8"), str(file))
        named = [op for op in document.definitions if isinstance(op, OperationDefinitionNode)]
        if len(named) > 1 and any(op.name is None for op in named):
            raise CommandError(f"{file}: with several operations in a file, each needs a name.")
        operations += [(op, str(file)) for op in named]
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                name = definition.name.value
                if name in fragments:
                    raise CommandError(
                        f"{file}: fragment {name} is defined again (first in {fragments[name][1]})."
                    )
                fragments[name] = (definition, str(file))
    pool = DocumentNode(
        definitions=(
            *(op for op, _ in operations),
            *(fragment for fragment, _ in fragments.values()),
        )
    )
    entries = []
    for operation, source in operations:
        text = operation_text(pool, operation)
        digest = sha256_hex(text)
        name = operation.name.value if operation.name else ""
        entries.append(Entry(digest, digest, text, name, source))
    return entries


def from_manifest(path: Path) -> list[Entry]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: not valid JSON ({error}).") from None
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != MANIFEST_FORMAT
        or manifest.get("version") != 1
        or not isinstance(manifest.get("operations"), list)
    ):
        raise CommandError(
            f'{path}: not an Apollo persisted query manifest ({{"format": "{MANIFEST_FORMAT}", '
            '"version": 1, "operations": […]}).'
        )
    return [
        manifest_entry(operation, f"{path} #{index}")
        for index, operation in enumerate(manifest["operations"])
    ]


def manifest_entry(operation, source: str) -> Entry:
    if not isinstance(operation, dict) or not all(
        isinstance(operation.get(key), str) for key in ("id", "name", "body")
    ):
        raise CommandError(f'{source}: each operation needs string "id", "name" and "body".')
    body, name = operation["body"], operation["name"]
    if sha256_hex(body) != operation["id"].lower():
        raise CommandError(
            f"{source} ({name}): the id {operation['id']} is not the sha256 of the body "
            f"({sha256_hex(body)})."
        )
    document = parsed(body, f"{source} ({name})")
    selected = selected_operation(document, name or None)
    if selected is None:
        raise CommandError(f"{source}: the body has no operation named {name!r}.")
    return Entry(
        sha256_hex(body), sha256_hex(operation_text(document, selected)), body, name, source
    )


# --- checking and storing ---------------------------------------------------------------------


def check_against_schema(entries: list[Entry]) -> None:
    problems = []
    for entry in entries:
        for error in validate(schema._schema, parse(entry.document)):
            problems.append(
                f"{entry.source}: {entry.operation_name or '(anonymous)'}: {error.message}"
            )
    if problems:
        raise CommandError(
            "These documents do not validate against the schema; nothing was registered:\n"
            + "\n".join(problems)
        )


def register(entries: list[Entry]) -> tuple[list[Entry], int]:
    known = set(
        PersistedQuery.objects.filter(sha256__in=[entry.sha256 for entry in entries]).values_list(
            "sha256", flat=True
        )
    )
    added = [entry for entry in entries if entry.sha256 not in known]
    PersistedQuery.objects.bulk_create(
        PersistedQuery(
            sha256=entry.sha256,
            operation_sha256=entry.operation_sha256,
            document=entry.document,
            operation_name=entry.operation_name,
        )
        for entry in added
    )
    return added, len(known)


def prune_others(entries: list[Entry]) -> list[PersistedQuery]:
    others = list(PersistedQuery.objects.exclude(sha256__in=[entry.sha256 for entry in entries]))
    PersistedQuery.objects.filter(pk__in=[row.pk for row in others]).delete()
    return others
