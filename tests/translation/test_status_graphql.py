"""GraphQL `translationStatus`: up to date after the demo's translation, outdated after the
English source is published again; null on the source itself; batched for listings; its `state`
is the report's state of every live translation, and says nothing of a draft under review."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.translation.report import build_rows
from events.models import EventPage
from home.models import Topic

QUERY = """
query ($path: String!) {
  page(path: $path) {
    isFallback
    ... on EventPage {
      translationStatus {
        sourceLocale percentTranslated isOutdated isMachineTranslated lastSyncedAt state
      }
    }
  }
}
"""


def status(graphql, path):
    return graphql(QUERY, {"path": path})["data"]["page"]


def test_translation_status_up_to_date_then_outdated(graphql, locales):
    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    uk_path = "/uk/" + english.get_translation(locales["uk"]).url_path.split("/", 2)[2]

    assert status(graphql, "/en/events/ai-forum-cz-ua-2024/")["translationStatus"] is None
    before = status(graphql, uk_path)
    assert before["isFallback"] is False
    assert before["translationStatus"]["sourceLocale"] == "en"
    assert before["translationStatus"]["percentTranslated"] == 100
    assert before["translationStatus"]["isOutdated"] is False
    assert before["translationStatus"]["isMachineTranslated"] is False
    assert before["translationStatus"]["lastSyncedAt"]
    assert before["translationStatus"]["state"] == "UP_TO_DATE"

    english.summary = "A new English summary."
    english.save_revision().publish()
    after = status(graphql, uk_path)["translationStatus"]
    assert (after["isOutdated"], after["state"]) == (True, "OUTDATED")


def test_translation_status_of_a_listing_is_batched(graphql):
    query = """
    query ($limit: Int!) {
      topics(locale: "cs", pagination: {limit: $limit}) {
        results { name translationStatus { percentTranslated isOutdated } }
      }
    }
    """
    counts = []
    for limit in (1, 4):
        with CaptureQueriesContext(connection) as queries:
            body = graphql(query, {"limit": limit})
        results = body["data"]["topics"]["results"]
        assert len(results) == limit
        assert all(item["translationStatus"]["isOutdated"] is False for item in results)
        counts.append(len(queries))
    assert counts[0] == counts[1]


STATES_QUERY = """
query States {
  machineTranslated: page(path: "/cs/akce/webinar-ai-ve-verejnych-sluzbach/") { ...State }
  outdated: page(path: "/cs/akce/b2b-setkani-digitalni-inovace/") { ...State }
  inProgress: page(path: "/cs/akce/obchodni-mise-uca-prumysl-4-0/") { ...State }
  upToDate: page(path: "/cs/akce/ai-forum-cz-ua-2024/") { ...State }
  inReview: topic(slug: "smart-industry", locale: "uk") {
    name description translationStatus { percentTranslated state }
  }
}

fragment State on Page { title translationStatus { percentTranslated state } }
"""

# What the reviewers have not approved yet (home/demo/content.py: the topic's revised text).
SUBMITTED_DESCRIPTION = (
    "Індустрія 4.0: цифрове виробництво, автоматизація та спільна програма чеських "
    "і українських промислових кластерів."
)


def test_each_state_of_the_demo(graphql):
    assert graphql(STATES_QUERY)["data"] == {
        "machineTranslated": {
            "title": "Webinář: AI ve veřejných službách",
            "translationStatus": {"percentTranslated": 100, "state": "MACHINE_TRANSLATED"},
        },
        "outdated": {
            "title": "B2B setkání českých a ukrajinských digitálních firem",
            "translationStatus": {"percentTranslated": 100, "state": "OUTDATED"},
        },
        "inProgress": {
            "title": "Obchodní mise UCA do českých firem Průmyslu 4.0",
            "translationStatus": {"percentTranslated": 83, "state": "IN_PROGRESS"},
        },
        "upToDate": {
            "title": "AI fórum CZ-UA 2024",
            "translationStatus": {"percentTranslated": 100, "state": "UP_TO_DATE"},
        },
        # The state word only: the text is the approved one, not the submitted revision.
        "inReview": {
            "name": "Розумна промисловість",
            "description": "Індустрія 4.0: цифрове виробництво, автоматизація та двостороння "
            "програма чеських і українських промислових кластерів.",
            "translationStatus": {"percentTranslated": 100, "state": "AWAITING_REVIEW"},
        },
    }
    assert Topic.objects.get(
        slug="smart-industry", locale__language_code="uk"
    ).has_unpublished_changes
    assert SUBMITTED_DESCRIPTION not in str(graphql(STATES_QUERY))


PAGE_STATE_QUERY = """
query PageState($id: ID!, $locale: String!) {
  page(id: $id, locale: $locale, fallback: false) { id translationStatus { state } }
}
"""
SNIPPET_STATES_QUERY = """
query SnippetStates($locale: String!) {
  topics(locale: $locale, pagination: {limit: 100}) { results { ...State } }
  organisations(locale: $locale, pagination: {limit: 100}) { results { ...State } }
  awards(locale: $locale, pagination: {limit: 100}) { results { ...State } }
}

fragment State on TranslatableSnippet { __typename id translationStatus { state } }
"""
ENUM = {
    "in progress": "IN_PROGRESS",
    "awaiting review": "AWAITING_REVIEW",
    "machine-translated": "MACHINE_TRANSLATED",
    "outdated": "OUTDATED",
    "up to date": "UP_TO_DATE",
}


def test_state_is_the_reports_for_every_live_translation(graphql):
    """Every translation the API serves has the state the admin's report gives it."""
    report, locales = {}, {}
    for row in build_rows():
        if row.translation_id is not None:
            # Ids are per table: a snippet is known by its model too.
            kind = "page" if row.edit_url.startswith("/admin/pages/") else row.content_type
            report[(kind, row.translation_id)] = ENUM[row.status]
            locales[(kind, row.translation_id)] = row.locale
    served = {}
    for kind, pk in [key for key in report if key[0] == "page"]:
        variables = {"id": pk, "locale": locales[(kind, pk)]}
        page = graphql(PAGE_STATE_QUERY, variables)["data"]["page"]
        if page is not None:
            served[(kind, pk)] = page["translationStatus"]["state"]
    for code in ("cs", "uk"):
        for listing in graphql(SNIPPET_STATES_QUERY, {"locale": code})["data"].values():
            for item in listing["results"]:
                key = (item["__typename"].lower(), int(item["id"]))
                served[key] = item["translationStatus"]["state"]
    assert served == {key: report[key] for key in served}
    # Every state but "missing" is among them, on most of the demo's translations.
    assert set(served.values()) == set(ENUM.values())
    assert len(served) >= 70
