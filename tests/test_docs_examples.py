"""Every GraphQL example in docs/*.md runs against the demo site and gives the answer shown.

An example is a ```graphql block (the document), optionally a ```json variables block, then a
```json block (the whole answer, errors included), with nothing but blank lines between them.
It runs as a frontend runs it after `make run`: POSTed as JSON to
http://127.0.0.1:8000/graphql/ (absolute addresses such as `icsUrl` show that host), at noon in
Prague on the demo's day (DEMO_TODAY), so upcoming events and the scheduled page are where the
docs say. The answer is compared whole with the documented one.

Two things the demo does not have, made inside the test's transaction (no other test sees them)
as the docs' text around the example says:
- words after "graphql": `unpublish=<path>` unpublishes that page first, as an editor does;
- a variable "PREVIEW_TOKEN_OF:<path>" becomes the token of an editor's preview of that page,
  its title changed and not saved.

After a change of the demo or the API, regenerate the documented answers and review the diff:

    DOCS_EXAMPLES_UPDATE=1 .venv/bin/pytest tests/test_docs_examples.py

A normal run never writes. Examples that search depend on the Czech and Ukrainian dictionaries
and are marked `hunspell` (skipped with a message where they are not installed).
"""

import datetime as dt
import json
import os
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

import pytest
import time_machine
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    build_schema,
    parse,
)
from wagtail.models import Page

from cms.preview import make_token, store_preview
from tests.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
SCHEMA = ROOT / "schema.graphql"

UPDATE = os.environ.get("DOCS_EXAMPLES_UPDATE") == "1"

# The address `make run` serves; the docs' absolute URLs name it.
HOST = "127.0.0.1:8000"
NOW = dt.datetime.combine(DEMO_TODAY, dt.time(12), tzinfo=zoneinfo.ZoneInfo("Europe/Prague"))

# The preview docs/graphql.md shows: the title an editor changed, not saved.
PREVIEW_PLACEHOLDER = "PREVIEW_TOKEN_OF:"
PREVIEW_TITLE_SUFFIX = " (unsaved draft)"

# Search answers (ranking, inflection) depend on the Hunspell dictionaries.
SEARCH_FIELDS = {"search", "autocomplete"}

# The documented answers are indented like this when the update mode writes them.
WIDTH = 100

FENCE = re.compile(r"^```(\S*)[ \t]*(.*)$")
HEADING = re.compile(r"^#{1,6}\s+(.*)$")


# --- reading the docs ------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A fenced block: its language, the words after it, its text and lines (1-based, fences
    included)."""

    language: str
    info: str
    text: str
    first_line: int
    last_line: int
    heading: str


@dataclass(frozen=True)
class Example:
    path: Path
    heading: str
    index: int  # within its heading, from 1
    document: str
    variables: dict
    answer: Block  # the ```json block holding the documented answer
    setup: tuple[tuple[str, str], ...]  # (action, path) from the ```graphql line

    @property
    def expected(self):
        return json.loads(self.answer.text)

    @property
    def id(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.heading.lower()).strip("-")
        return f"{self.path.name}:{slug}#{self.index}:{operation_name(self.document)}"


def blocks(text: str) -> list[Block]:
    result, heading, fence = [], "", None
    for number, line in enumerate(text.splitlines(), start=1):
        if fence is None:
            if match := FENCE.match(line):
                fence = (match[1], match[2].strip(), number, [])
            elif match := HEADING.match(line):
                heading = match[1].strip()
        elif line.startswith("```"):
            language, info, first, lines = fence
            result.append(Block(language, info, "\n".join(lines), first, number, heading))
            fence = None
        else:
            fence[3].append(line)
    return result


def adjacent(lines: list[str], before: Block, after: Block) -> bool:
    """Only blank lines between the two blocks."""
    return all(not line.strip() for line in lines[before.last_line : after.first_line - 1])


def setup_of(block: Block) -> tuple[tuple[str, str], ...]:
    """`unpublish=/en/…/` words of a ```graphql line: (action, path) pairs."""
    return tuple(tuple(word.split("=", 1)) for word in block.info.split())


def answer_of(lines: list[str], following: list[Block], block: Block):
    """The variables and answer blocks right after `block`, or None without an answer."""
    variables, last = {}, block
    if following and following[0].info == "variables" and adjacent(lines, block, following[0]):
        variables, last = json.loads(following[0].text), following.pop(0)
    answer = following[0] if following else None
    if answer is None or (answer.language, answer.info) != ("json", ""):
        return None
    return (variables, answer) if adjacent(lines, last, answer) else None


def read_examples(path: Path) -> tuple[list[Example], list[str]]:
    """The examples of one document in file order, and what is wrong with its GraphQL blocks."""
    text = path.read_text()
    lines = text.splitlines()
    found, problems, per_heading = [], [], {}
    all_blocks = blocks(text)
    for position, block in enumerate(all_blocks):
        if block.language != "graphql":
            continue
        where = f"{path.name}:{block.first_line}"
        answered = answer_of(lines, all_blocks[position + 1 : position + 3], block)
        unknown = [action for action, *_ in setup_of(block) if action not in SETUPS]
        if answered is None:
            problems.append(f"{where}: a ```graphql block without its answer")
        elif unknown:
            problems.append(f"{where}: unknown setup {unknown}; known: {sorted(SETUPS)}")
        else:
            per_heading[block.heading] = per_heading.get(block.heading, 0) + 1
            index = per_heading[block.heading]
            variables, answer = answered
            found.append(
                Example(path, block.heading, index, block.text, variables, answer, setup_of(block))
            )
    return found, problems


def operation_name(document: str) -> str:
    for definition in parse(document).definitions:
        if isinstance(definition, OperationDefinitionNode) and definition.name:
            return definition.name.value
    return "anonymous"


# --- running an example ----------------------------------------------------------------------


def unpublish(path: str) -> None:
    Page.objects.get(url_path=path).specific.unpublish()


SETUPS = {"unpublish": unpublish}


def previewed_token(path: str) -> str:
    """The token of an editor's preview of the page at `path`, title changed and not saved."""
    page = Page.objects.get(url_path=path).specific
    page.title = f"{page.title}{PREVIEW_TITLE_SUFFIX}"
    return make_token(page.pk, store_preview(page))


def with_placeholders_filled(variables: dict) -> dict:
    def fill(value):
        if isinstance(value, str) and value.startswith(PREVIEW_PLACEHOLDER):
            return previewed_token(value.removeprefix(PREVIEW_PLACEHOLDER))
        return value

    return {name: fill(value) for name, value in variables.items()}


def run(client, example: Example):
    with time_machine.travel(NOW, tick=False):
        for action, path in example.setup:
            SETUPS[action](path)
        body = {"query": example.document, "variables": with_placeholders_filled(example.variables)}
        response = client.post(
            "/graphql/", data=body, content_type="application/json", HTTP_HOST=HOST
        )
    return response.status_code, response.json()


EXAMPLES = [example for path in DOCS for example in read_examples(path)[0]]


# --- writing answers (update mode) -----------------------------------------------------------


def pretty(value) -> str:
    """JSON as the docs show it: 2-space indent, and anything that fits in WIDTH on one line."""
    return "\n".join(_layout(value, "", "", ""))


def _layout(value, indent: str, prefix: str, suffix: str) -> list[str]:
    inline = json.dumps(value, ensure_ascii=False)
    if (
        not isinstance(value, (dict, list))
        or not value
        or len(indent + prefix + inline + suffix) <= WIDTH
    ):
        return [f"{indent}{prefix}{inline}{suffix}"]
    items = list(value.items()) if isinstance(value, dict) else [(None, item) for item in value]
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    lines = [f"{indent}{prefix}{opening}"]
    for number, (key, item) in enumerate(items, start=1):
        key_prefix = "" if key is None else f"{json.dumps(key, ensure_ascii=False)}: "
        comma = "," if number < len(items) else ""
        lines += _layout(item, indent + "  ", key_prefix, comma)
    lines.append(f"{indent}{closing}{suffix}")
    return lines


def write_answers(answers: dict[tuple[Path, int], tuple[str, object]]) -> None:
    """Put the actual answers in place of the documented ones, bottom up so lines stay valid.

    `answers`: (file, first line of the answer block) → (the document that ran, its answer); an
    example whose document changed since it ran is left alone.
    """
    for path in {path for path, _ in answers}:
        lines = path.read_text().splitlines(keepends=True)
        examples = sorted(read_examples(path)[0], key=lambda e: e.answer.first_line, reverse=True)
        for example in examples:
            document, answer = answers.get((path, example.answer.first_line), (None, None))
            if document == example.document:
                first, last = example.answer.first_line, example.answer.last_line
                lines[first : last - 1] = [pretty(answer) + "\n"]
        path.write_text("".join(lines))


@pytest.fixture(scope="module")
def actual_answers():
    answers = {}
    yield answers
    if UPDATE and answers:
        write_answers(answers)


# --- the tests -------------------------------------------------------------------------------


def params() -> list:
    return [
        pytest.param(
            example,
            id=example.id,
            marks=[pytest.mark.hunspell] if root_fields(example.document) & SEARCH_FIELDS else [],
        )
        for example in EXAMPLES
    ]


def root_fields(document: str) -> set[str]:
    """The fields of `Query` the document's operations select at their root."""
    definitions = parse(document).definitions
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}

    def fields(selection_set) -> set[str]:
        names = set()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                names.add(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                names |= fields(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                names |= fields(fragments[selection.name.value].selection_set)
        return names - {"__typename"}

    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    return set().union(*(fields(operation.selection_set) for operation in operations))


@pytest.mark.parametrize("example", params())
def test_the_documented_answer_is_the_real_one(client, db, example, actual_answers):
    status, answer = run(client, example)
    if UPDATE:
        actual_answers[(example.path, example.answer.first_line)] = (example.document, answer)
        return
    assert answer == example.expected, (
        f"{example.path.name}, line {example.answer.first_line} (HTTP {status}): the API answers\n"
        f"{pretty(answer)}\n"
        "Regenerate with DOCS_EXAMPLES_UPDATE=1 and review the diff."
    )


def test_every_graphql_block_in_the_docs_has_its_answer():
    problems = [problem for path in DOCS for problem in read_examples(path)[1]]
    assert problems == []


def test_the_examples_select_every_root_field():
    query_fields = set(build_schema(SCHEMA.read_text()).query_type.fields)
    shown = set().union(*(root_fields(example.document) for example in EXAMPLES))
    missing = sorted(query_fields - shown)
    assert missing == [], f"No example in docs/*.md selects these root fields: {missing}"


def test_the_json_layout_of_the_update_mode():
    answer = {"data": {"site": {"name": "Site", "locales": [{"code": "en"}, {"code": "cs"}]}}}
    assert pretty(answer) == (
        '{"data": {"site": {"name": "Site", "locales": [{"code": "en"}, {"code": "cs"}]}}}'
    )
    long = {"data": {"items": ["x" * 60, "y" * 60], "empty": [], "none": None}}
    assert pretty(long) == "\n".join(
        [
            "{",
            '  "data": {',
            '    "items": [',
            f'      "{"x" * 60}",',
            f'      "{"y" * 60}"',
            "    ],",
            '    "empty": [],',
            '    "none": null',
            "  }",
            "}",
        ]
    )


def test_the_update_mode_rewrites_only_the_answer_blocks(tmp_path):
    doc = tmp_path / "guide.md"
    doc.write_text(
        "# Guide\n\nText.\n\n```graphql\nquery Site { site { name } }\n```\n\n"
        '```json\n{"data": {"site": {"name": "Old"}}}\n```\n\nMore text.\n'
    )
    (example,) = read_examples(doc)[0]
    write_answers({(doc, example.answer.first_line): (example.document, {"data": None})})
    assert doc.read_text() == (
        "# Guide\n\nText.\n\n```graphql\nquery Site { site { name } }\n```\n\n"
        '```json\n{"data": null}\n```\n\nMore text.\n'
    )
