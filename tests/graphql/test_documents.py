"""A document is parsed and validated once per process (cms/graphql/documents.py), and what is
kept never changes an answer: other variables, the introspection switch and invalid documents
are answered as if nothing were kept."""

import pytest

from cms.graphql import documents

FORUM = """
query Forum($path: String!) { event(path: $path) { title } }
"""
INTROSPECTION = "query Types { __schema { queryType { name } } }"
INVALID = "query Broken { events { results { noSuchField } } }"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_memo():
    documents.parsed.cache_clear()
    documents._validated.cache_clear()
    yield
    documents.parsed.cache_clear()
    documents._validated.cache_clear()


@pytest.fixture
def validations(monkeypatch):
    """How many times graphql-core's validation ran."""
    calls = []
    validate = documents.validate_document

    def counted(*args):
        calls.append(args)
        return validate(*args)

    monkeypatch.setattr(documents, "validate_document", counted)
    return calls


def test_the_same_text_is_validated_once(graphql, validations):
    english = graphql(FORUM, {"path": "/en/events/ai-forum-cz-ua-2024/"})["data"]
    czech = graphql(FORUM, {"path": "/cs/akce/ai-forum-cz-ua-2024/"})["data"]
    again = graphql(FORUM, {"path": "/en/events/ai-forum-cz-ua-2024/"})["data"]
    assert english == again == {"event": {"title": "AI Forum CZ-UA 2024"}}
    assert czech == {"event": {"title": "AI fórum CZ-UA 2024"}}
    assert len(validations) == 1
    assert documents.parsed.cache_info().hits == 2


def test_an_invalid_document_is_refused_every_time(graphql, validations):
    answers = [graphql(INVALID, expect_errors=True) for _ in range(2)]
    assert answers[0] == answers[1]
    assert answers[0]["errors"][0]["message"] == (
        "Cannot query field 'noSuchField' on type 'EventPage'."
    )
    assert len(validations) == 1


def test_the_introspection_switch_applies_to_a_kept_document(graphql, settings):
    settings.GRAPHQL_INTROSPECTION = True
    assert graphql(INTROSPECTION)["data"] == {"__schema": {"queryType": {"name": "Query"}}}
    settings.GRAPHQL_INTROSPECTION = False
    refused = graphql(INTROSPECTION, expect_errors=True)
    assert [error["extensions"]["code"] for error in refused["errors"]] == [
        "INTROSPECTION_DISABLED"
    ]
    settings.GRAPHQL_INTROSPECTION = True
    assert graphql(INTROSPECTION)["data"] == {"__schema": {"queryType": {"name": "Query"}}}
