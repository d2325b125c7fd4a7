"""GraphQL `translationStatus`: up to date after the demo's translation, outdated after the
English source is published again; null on the source itself; batched for listings."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage

QUERY = """
query ($path: String!) {
  page(path: $path) {
    isFallback
    ... on EventPage {
      translationStatus {
        sourceLocale percentTranslated isOutdated isMachineTranslated lastSyncedAt
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

    english.summary = "A new English summary."
    english.save_revision().publish()
    assert status(graphql, uk_path)["translationStatus"]["isOutdated"] is True


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
