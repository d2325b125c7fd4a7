"""Shorter resolvers (cms/graphql/lean.py) answer exactly as strawberry's own chain does."""

import enum

import pytest
import strawberry
import strawberry_django
from django.test import RequestFactory
from strawberry.extensions import FieldExtension

import cms.schema
from cms.graphql.context import Context
from cms.graphql.failures import ApiSchema
from cms.graphql.lean import make_lean
from home.models import Topic

pytestmark = pytest.mark.django_db

# Every kind of field of the page and snippet types: columns, relations in the reader's locale,
# StreamField blocks, images with renditions, translations, breadcrumbs, paginated listings.
BROAD = """
query Events($locale: String!) {
  site { name }
  events(locale: $locale, pagination: {limit: 20}) {
    totalCount pageInfo { offset limit }
    results {
      __typename id title slug path url locale isFallback seoTitle searchDescription
      firstPublishedAt lastPublishedAt kind start end timeZone city venue address onlineUrl
      registrationUrl summary icsUrl
      breadcrumbs { title path }
      translations { locale path title }
      translationStatus { state }
      topics { name slug description locale isFallback }
      organisers { name shortName kind country countryName website logo { title width } }
      speakers { name path role country organisation { name } photo { title altText } }
      participants { name }
      parentEvent { title } subEvents { title start }
      mainImage {
        id title width height altText focalPoint { x y }
        rendition(spec: "fill-480x270") { url width height }
        webp: rendition(spec: "fill-480x270", format: "webp") { url width height }
        srcSet(format: "jpeg") narrow: srcSet(widths: [480])
      }
      programme { __typename ... on AgendaItemBlock { title startTime speakers { name } } }
      body { __typename ... on ParagraphBlock { html } ... on HeadingBlock { text level } }
    }
  }
}
"""

OTHERS = """
query Others($locale: String!) {
  news(locale: $locale, pagination: {limit: 20}) {
    results {
      title date summary topics { slug } relatedEvents { title } relatedPeople { name }
      mainImage { title } body { __typename }
    }
  }
  people(locale: $locale, pagination: {limit: 20}) {
    results {
      name role biography links { label url }
      awardProfiles { year citation award { name awardedBy { name } } }
    }
  }
  organisations(locale: $locale, pagination: {limit: 20}) { results { name kind country } }
  awards(locale: $locale) { results { name description } }
  home(locale: $locale) { title intro featuredNews { title } featuredEvents { title } }
}
"""


# Root fields whose arguments are plain scalars, by path and by id.
BY_PATH_AND_ID = """
query Page($path: String!, $id: ID!, $locale: String!) {
  page(path: $path, locale: $locale) {
    __typename title path
    ... on EventPage { start mainImage { rendition(spec: "width-800") { url width } } }
  }
  event(id: $id, locale: $locale, fallback: false) { title speakers { name } }
}
"""


def execute(schema, query, variables=None):
    request = RequestFactory().post("/graphql/", HTTP_HOST="localhost")
    result = schema.execute_sync(
        query, variable_values=variables, context_value=Context(request=request, response=None)
    )
    assert not result.errors, result.errors
    return result.data


@pytest.mark.parametrize("locale", ["en", "cs", "uk"])
def test_the_lean_schema_answers_as_strawberry_does(graphql, locale):
    plain = ApiSchema(query=cms.schema.Query, types=cms.schema.PAGE_TYPES)  # not made lean
    lean = execute(cms.schema.schema, BROAD, {"locale": locale})
    assert lean == execute(plain, BROAD, {"locale": locale})
    others = execute(cms.schema.schema, OTHERS, {"locale": locale})
    assert others == execute(plain, OTHERS, {"locale": locale})
    assert others["news"]["results"] and others["people"]["results"]
    assert len(lean["events"]["results"]) == lean["events"]["totalCount"] > 10
    assert all(event["topics"] for event in lean["events"]["results"])
    first = lean["events"]["results"][0]
    assert first["mainImage"]["rendition"]["width"] == 480
    variables = {"path": first["path"], "id": first["id"], "locale": locale}
    by_path = execute(cms.schema.schema, BY_PATH_AND_ID, variables)
    assert by_path == execute(plain, BY_PATH_AND_ID, variables)
    assert by_path["page"]["title"] == by_path["event"]["title"] == first["title"]


def test_columns_and_resolvers_with_scalar_arguments_are_lean_other_arguments_are_not():
    lean = set(cms.schema.LEAN_FIELDS)
    assert {"EventPage.title", "EventPage.start", "Topic.slug", "EventPage.topics"} <= lean
    assert {"EventPage.path", "Image.width", "EventPagePaginated.results"} <= lean
    assert {"Image.rendition", "Image.srcSet", "Query.page", "Query.event"} <= lean
    # Input objects (pagination, filters) and enums go through strawberry's conversion.
    assert {"Query.events", "Query.search", "Query.news"}.isdisjoint(lean)


class Shout(FieldExtension):
    def resolve(self, next_, source, info, **kwargs):
        return next_(source, info, **kwargs).upper()


@strawberry_django.type(Topic, name="LeanTestTopic")
class LeanTestTopic:
    name: strawberry.auto
    slug: str = strawberry_django.field(extensions=[Shout()])


@strawberry.enum(name="LeanTestCase")
class Case(enum.Enum):
    UPPER = "upper"
    LOWER = "lower"


@strawberry.type(name="LeanTestQuery")
class LeanTestQuery:
    @strawberry_django.field
    def first_topic(self) -> LeanTestTopic:
        # Only the id is read: the name is loaded when the field asks for it.
        return Topic.objects.only("id").order_by("pk").first()

    @strawberry_django.field
    def topics_in(self, slugs: list[str], locale: str | None = "en") -> list[LeanTestTopic]:
        # A queryset: strawberry-django's queryset hook evaluates it for a list field.
        return Topic.objects.filter(slug__in=slugs, locale__language_code=locale).order_by("pk")

    @strawberry_django.field
    def first_name(self, case: Case) -> str:
        name = Topic.objects.order_by("pk").first().name
        return name.upper() if case is Case.UPPER else name.lower()


def test_extensions_and_enums_keep_strawberrys_chain_and_deferred_columns_load():
    schema = strawberry.Schema(query=LeanTestQuery)
    assert make_lean(schema) == [
        "LeanTestQuery.firstTopic",
        "LeanTestQuery.topicsIn",
        "LeanTestTopic.name",
    ]
    topic = Topic.objects.order_by("pk").first()
    assert execute(schema, "{ firstTopic { name slug } }") == {
        "firstTopic": {"name": topic.name, "slug": topic.slug.upper()}
    }
    assert execute(schema, "{ firstName(case: UPPER) }") == {"firstName": topic.name.upper()}


def test_scalar_arguments_reach_the_resolver_and_querysets_are_evaluated():
    schema = strawberry.Schema(query=LeanTestQuery)
    make_lean(schema)
    english = Topic.objects.filter(locale__language_code="en").order_by("pk")[:2]
    slugs = [topic.slug for topic in english]
    query = "query($slugs: [String!]!) { topicsIn(slugs: $slugs) { name } }"
    expected = {"topicsIn": [{"name": topic.name} for topic in english]}
    assert len(expected["topicsIn"]) == 2
    assert execute(schema, query, {"slugs": slugs}) == expected
    czech = Topic.objects.filter(locale__language_code="cs", slug=slugs[0])
    in_czech = 'query($slugs: [String!]!) { topicsIn(slugs: $slugs, locale: "cs") { name } }'
    answer = execute(schema, in_czech, {"slugs": slugs[:1]})
    assert answer == {"topicsIn": [{"name": topic.name} for topic in czech]}
    assert answer["topicsIn"]
