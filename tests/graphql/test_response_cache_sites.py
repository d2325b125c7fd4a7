"""The response cache's key and the site (cms/graphql/response_cache.py).

The content version is read with the cached answer in one round trip, so the key is built with
the Site this host had under the last version the process saw: when the new version gives the
host another Site, the key must be built again, or one site's answer would be stored where
another site's requests read it.
"""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from cms import content_version
from cms.graphql import response_cache

URL = "/graphql/"
SITE_QUERY = "query Site { site { name } }"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def response_cache_on(settings):
    settings.GRAPHQL_RESPONSE_CACHE = {"ENABLED": True, "TIMEOUT": 3600, "CACHE": "default"}
    cache.clear()
    response_cache._site_ids.clear()
    yield
    cache.clear()
    response_cache._site_ids.clear()


def site_name(client, host: str) -> str:
    response = client.get(URL, {"query": SITE_QUERY}, HTTP_HOST=host)
    assert response.status_code == 200, response.content
    return response.json()["data"]["site"]["name"]


def test_a_host_given_another_site_is_keyed_by_its_new_site(client, django_assert_num_queries):
    default = Site.objects.get(is_default_site=True)
    assert site_name(client, "127.0.0.1") == default.site_name  # no site of its own: the default
    assert site_name(client, "testserver") == default.site_name
    with django_assert_num_queries(0):
        assert site_name(client, "127.0.0.1") == default.site_name  # a hit

    Site.objects.create(
        hostname="127.0.0.1", port=80, root_page=default.root_page, site_name="Loopback site"
    )

    # The process still guesses the default site for 127.0.0.1; the new version corrects it.
    assert site_name(client, "127.0.0.1") == "Loopback site"
    with django_assert_num_queries(0):
        assert site_name(client, "127.0.0.1") == "Loopback site"
    assert site_name(client, "testserver") == default.site_name
    with django_assert_num_queries(0):
        assert site_name(client, "testserver") == default.site_name


def test_an_answer_of_another_content_version_is_not_served(client):
    default = Site.objects.get(is_default_site=True)
    assert site_name(client, "testserver") == default.site_name
    # A rename without the signals that bump the version: the stored answer is still served...
    Site.objects.filter(pk=default.pk).update(site_name="Renamed quietly")
    assert site_name(client, "testserver") == default.site_name
    # ...until the version changes, and then never again (it is stored with its version).
    content_version.bump()
    assert site_name(client, "testserver") == "Renamed quietly"
    stored = [value for key, value in cache._cache.items() if "graphql-response:" in key]
    assert len(stored) == 1


def test_a_get_is_counted_once_by_the_rate_limit_whether_it_hits_or_misses(client, settings):
    # A GET is counted on its way to the cache (cms/graphql/view.py, answer_get_early); a miss
    # then runs without being counted again.
    settings.GRAPHQL_RATE_LIMIT = "3/60"
    cache.clear()
    statuses = [client.get(URL, {"query": SITE_QUERY}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
