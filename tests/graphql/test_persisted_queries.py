"""Persisted queries (cms/graphql/persisted.py) and `manage.py register_persisted_queries`.

- APQ: an unknown hash is PersistedQueryNotFound; the document with its hash is kept and runs;
  then the hash alone runs it, over POST and GET. Mismatching and malformed hashes are refused.
- Allowlist: only registered documents run, found by hash or by their operation in any spelling;
  anything else is refused with PERSISTED_QUERY_NOT_ALLOWED before it is validated; the limits
  still apply to registered documents.
- The command registers .graphql files (fragments across files) and Apollo manifests, refuses
  documents that do not validate, is idempotent and prunes.
"""

import hashlib
import io
import json

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from cms.models import PersistedQuery

pytestmark = pytest.mark.django_db

URL = "/graphql/"

SITE_QUERY = "query Site { site { name } }"
SITE = {"site": {"name": "Czech–Ukrainian Digital Innovation"}}
FORUM_PATH = "/en/events/ai-forum-cz-ua-2024/"

OPERATIONS_FILE = """\
# Built by the frontend.
query EventTitle($path: String!) {
  event(path: $path) { ...EventBits }
}

query SiteName { site { name } }
"""
FRAGMENTS_FILE = """\
fragment EventBits on EventPage { title city }
"""
EVENT_TITLE_DOCUMENT = """\
query EventTitle($path: String!) {
  event(path: $path) {
    ...EventBits
  }
}

fragment EventBits on EventPage {
  title
  city
}"""
SITE_NAME_DOCUMENT = """\
query SiteName {
  site {
    name
  }
}"""
TOPICS_BODY = "query Topics { topics(pagination: {limit: 1}) { totalCount } }"
FORUM_BITS = {"event": {"title": "AI Forum CZ-UA 2024", "city": "Prague"}}

NOT_ALLOWED_MESSAGE = (
    "This server runs registered documents only (GRAPHQL_PERSISTED_QUERIES=allowlist) and the "
    "operation {name}is not one of them. Register the frontend's documents with `manage.py "
    "register_persisted_queries`, or send the sha256Hash of one."
)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def persisted(digest: str) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def post(client, extensions=None, query=None, variables=None, operation_name=None):
    body = {"query": query, "variables": variables, "operationName": operation_name}
    body["extensions"] = extensions
    return client.post(URL, body, content_type="application/json")


def get(client, extensions, variables=None):
    params = {"extensions": json.dumps(extensions)}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    # Apollo's client accepts */*, which strawberry otherwise takes for a browser (GraphiQL).
    return client.get(URL, params, HTTP_ACCEPT="*/*")


def error(message: str, code: str) -> dict:
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


# --- APQ ----------------------------------------------------------------------------------------


def test_apq_round_trip(client):
    digest = sha256(SITE_QUERY)
    unknown = post(client, persisted(digest))
    assert unknown.status_code == 200
    assert unknown.json() == error("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
    assert unknown["Cache-Control"] == "no-store"
    assert get(client, persisted(digest)).json() == unknown.json()

    registered = post(client, persisted(digest), query=SITE_QUERY)
    assert registered.json() == {"data": SITE}

    assert post(client, persisted(digest)).json() == {"data": SITE}
    over_get = get(client, persisted(digest))
    assert over_get.status_code == 200
    assert over_get.json() == {"data": SITE}
    assert over_get["Cache-Control"] == "public, max-age=0, s-maxage=10, stale-while-revalidate=30"


def test_apq_with_variables_over_get(client):
    query = "query Event($path: String!) { event(path: $path) { title city } }"
    digest = sha256(query)
    post(client, persisted(digest), query=query, variables={"path": FORUM_PATH})
    answer = get(client, persisted(digest), variables={"path": FORUM_PATH})
    assert answer.json() == {"data": FORUM_BITS}


def test_a_query_that_does_not_hash_to_its_hash_is_refused(client):
    wrong = "0" * 64
    response = post(client, persisted(wrong), query=SITE_QUERY)
    assert response.json() == error(
        f"The query's sha256 is {sha256(SITE_QUERY)}, not the persistedQuery.sha256Hash {wrong}.",
        "PERSISTED_QUERY_HASH_MISMATCH",
    )
    assert post(client, persisted(wrong)).json()["errors"][0]["message"] == (
        "PersistedQueryNotFound"
    )


@pytest.mark.parametrize(
    "extension",
    [
        {"version": 2, "sha256Hash": "0" * 64},
        {"version": 1, "sha256Hash": "not-a-hash"},
        {"version": 1},
        "yes",
    ],
)
def test_a_malformed_persisted_query_extension_is_refused(client, extension):
    response = post(client, {"persistedQuery": extension}, query=SITE_QUERY)
    assert response.json() == error(
        'extensions.persistedQuery must be {"version": 1, "sha256Hash": "<the sha256 of the '
        'query, 64 hexadecimal digits>"}.',
        "PERSISTED_QUERY_INVALID",
    )


def test_off_refuses_the_extension_and_runs_plain_queries(client, settings):
    settings.GRAPHQL_PERSISTED_QUERIES = "off"
    response = post(client, persisted(sha256(SITE_QUERY)), query=SITE_QUERY)
    assert response.json() == error("PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED")
    assert post(client, query=SITE_QUERY).json() == {"data": SITE}


# --- registering a build --------------------------------------------------------------------


@pytest.fixture
def build(tmp_path):
    """A frontend's build: two operation files (fragments apart) and an Apollo manifest."""
    documents = tmp_path / "graphql"
    documents.mkdir()
    (documents / "operations.graphql").write_text(OPERATIONS_FILE)
    (documents / "fragments.gql").write_text(FRAGMENTS_FILE)
    manifest = tmp_path / "persisted-query-manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "format": "apollo-persisted-query-manifest",
                "version": 1,
                "operations": [
                    {
                        "id": sha256(TOPICS_BODY),
                        "name": "Topics",
                        "type": "query",
                        "body": TOPICS_BODY,
                    }
                ],
            }
        )
    )
    return documents, manifest


def register(*paths, prune=False) -> str:
    output = io.StringIO()
    call_command(
        "register_persisted_queries",
        *map(str, paths),
        *(["--prune"] if prune else []),
        stdout=output,
    )
    return output.getvalue()


def rows() -> list[tuple]:
    return sorted(
        PersistedQuery.objects.values_list(
            "operation_name", "sha256", "operation_sha256", "document"
        )
    )


def test_the_command_registers_graphql_files_and_a_manifest(build):
    documents, manifest = build
    output = register(documents, manifest)
    source = documents / "operations.graphql"
    assert output.splitlines() == [
        f"Registered EventTitle {sha256(EVENT_TITLE_DOCUMENT)} from {source}",
        f"Registered SiteName {sha256(SITE_NAME_DOCUMENT)} from {source}",
        f"Registered Topics {sha256(TOPICS_BODY)} from {manifest} #0",
        "3 registered, 0 already registered.",
    ]
    topics_operation = (
        "query Topics {\n  topics(pagination: { limit: 1 }) {\n    totalCount\n  }\n}"
    )
    assert rows() == [
        (
            "EventTitle",
            sha256(EVENT_TITLE_DOCUMENT),
            sha256(EVENT_TITLE_DOCUMENT),
            EVENT_TITLE_DOCUMENT,
        ),
        ("SiteName", sha256(SITE_NAME_DOCUMENT), sha256(SITE_NAME_DOCUMENT), SITE_NAME_DOCUMENT),
        ("Topics", sha256(TOPICS_BODY), sha256(topics_operation), TOPICS_BODY),
    ]
    assert register(documents, manifest).splitlines() == ["0 registered, 3 already registered."]
    assert len(rows()) == 3


def test_the_command_refuses_a_document_that_does_not_validate(tmp_path):
    bad = tmp_path / "bad.graphql"
    bad.write_text("query Bad { site { name colour } }\nquery Good { site { name } }\n")
    with pytest.raises(CommandError) as refused:
        register(bad)
    assert str(refused.value) == (
        "These documents do not validate against the schema; nothing was registered:\n"
        f"{bad}: Bad: Cannot query field 'colour' on type 'Site'."
    )
    assert rows() == []


def test_the_command_refuses_what_it_cannot_read(tmp_path):
    broken = tmp_path / "broken.graphql"
    broken.write_text("query Broken { site { name }")
    with pytest.raises(CommandError) as refused:
        register(broken)
    assert (
        str(refused.value)
        == f"{broken}: Syntax Error: Expected Name, found <EOF>. (line 1, column 29)"
    )
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "format": "apollo-persisted-query-manifest",
                "version": 1,
                "operations": [
                    {"id": "0" * 64, "name": "Site", "type": "query", "body": SITE_QUERY}
                ],
            }
        )
    )
    with pytest.raises(CommandError) as refused:
        register(manifest)
    assert str(refused.value) == (
        f"{manifest} #0 (Site): the id {'0' * 64} is not the sha256 of the body "
        f"({sha256(SITE_QUERY)})."
    )
    assert rows() == []


def test_prune_removes_what_the_build_no_longer_has(build):
    documents, manifest = build
    register(documents, manifest)
    output = register(manifest, prune=True)
    assert sorted(output.splitlines()) == sorted(
        [
            f"Pruned EventTitle {sha256(EVENT_TITLE_DOCUMENT)}",
            f"Pruned SiteName {sha256(SITE_NAME_DOCUMENT)}",
            "0 registered, 1 already registered, 2 pruned.",
        ]
    )
    assert [row[0] for row in rows()] == ["Topics"]


# --- allowlist ----------------------------------------------------------------------------------


@pytest.fixture
def allowlist(settings, build):
    register(*build)
    settings.GRAPHQL_PERSISTED_QUERIES = "allowlist"


def test_allowlist_refuses_an_unregistered_document_before_validating_it(client, allowlist):
    # The field does not exist: validation would say so; the allowlist answers first.
    response = post(client, query="query Other { site { colour } }")
    assert response.status_code == 200
    assert response.json() == error(
        NOT_ALLOWED_MESSAGE.format(name=""), "PERSISTED_QUERY_NOT_ALLOWED"
    )
    assert response["Cache-Control"] == "no-store"
    named = post(client, query="query Other { site { name } }", operation_name="Other")
    assert named.json() == error(
        NOT_ALLOWED_MESSAGE.format(name="'Other' "), "PERSISTED_QUERY_NOT_ALLOWED"
    )


def test_allowlist_runs_registered_documents(client, allowlist):
    # As written in the frontend's file (comment, the other operation, the fragment elsewhere):
    # matched by its operation.
    as_written = post(
        client,
        query=OPERATIONS_FILE + FRAGMENTS_FILE,
        variables={"path": FORUM_PATH},
        operation_name="EventTitle",
    )
    assert as_written.json() == {"data": FORUM_BITS}
    by_hash = post(client, persisted(sha256(EVENT_TITLE_DOCUMENT)), variables={"path": FORUM_PATH})
    assert by_hash.json() == {"data": FORUM_BITS}
    by_get = get(client, persisted(sha256(TOPICS_BODY)))
    assert by_get.json() == {"data": {"topics": {"totalCount": 4}}}
    assert post(client, query=SITE_QUERY.replace("Site {", "SiteName {")).json() == {"data": SITE}


def test_allowlist_does_not_run_what_clients_sent_for_apq(client, settings, allowlist):
    settings.GRAPHQL_PERSISTED_QUERIES = "apq"
    other = "query Other { site { name } }"
    assert post(client, persisted(sha256(other)), query=other).json() == {"data": SITE}
    settings.GRAPHQL_PERSISTED_QUERIES = "allowlist"
    assert post(client, persisted(sha256(other))).json() == error(
        "PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"
    )
    assert post(client, persisted(sha256(other)), query=other).json() == error(
        NOT_ALLOWED_MESSAGE.format(name=""), "PERSISTED_QUERY_NOT_ALLOWED"
    )


def test_a_pruned_document_no_longer_runs(client, allowlist, build):
    digest = sha256(SITE_NAME_DOCUMENT)
    assert post(client, persisted(digest)).json() == {"data": SITE}
    register(build[1], prune=True)
    assert post(client, persisted(digest)).json() == error(
        "PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"
    )


def test_the_limits_apply_to_registered_documents(client, settings, allowlist):
    settings.GRAPHQL_LIMITS = {**settings.GRAPHQL_LIMITS, "MAX_DEPTH": 0}
    body = post(client, persisted(sha256(SITE_NAME_DOCUMENT))).json()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["QUERY_TOO_DEEP"]


def test_registered_documents_run_by_hash_in_apq_mode(client, build):
    register(*build)
    assert post(client, persisted(sha256(SITE_NAME_DOCUMENT))).json() == {"data": SITE}
