"""People, organisations and awards through the API, with full answers."""

import pytest

PEOPLE = """
query People($locale: String, $filters: PersonFilter) {
  people(locale: $locale, filters: $filters) {
    totalCount
    results {
      name path role country countryName
      organisation { name kind }
      links { label url }
      awardProfiles { year citation award { name awardedBy { shortName } } }
      biography
      photo { title width height }
    }
  }
}
"""

NAMES = """
query People($locale: String, $filters: PersonFilter) {
  people(locale: $locale, filters: $filters) { totalCount results { name } }
}
"""

ORGANISATIONS = """
query Orgs($locale: String, $filters: OrganisationFilter) {
  organisations(locale: $locale, filters: $filters) {
    totalCount results { name shortName kind country countryName website locale logo { title } }
  }
}
"""

AWARDS = """
query Awards($locale: String) {
  awards(locale: $locale) { totalCount results { name description awardedBy { name } locale } }
}
"""


def test_ukrainian_people_in_full(graphql):
    data = graphql(PEOPLE, {"locale": "uk", "filters": {"country": "cz"}})["data"]
    award = {
        "name": "Professionals4Ukraine — «Професіонали для України»",
        "awardedBy": {"shortName": "УКА"},
    }
    organisation = {"name": "Зразковий цифровий кластер (вигаданий)", "kind": "MEMBER"}
    assert data == {
        "people": {
            "totalCount": 2,
            "results": [
                {
                    "name": "Петр Взоровий (зразок)",
                    "path": "/uk/ambasadory/petr-vzorovyi-zrazok/",
                    "role": "Консультант з кібербезпеки",
                    "country": "CZ",
                    "countryName": "Чехія",
                    "organisation": organisation,
                    "links": [],
                    "awardProfiles": [
                        {
                            "year": 2022,
                            "citation": "За наставництво українських експертів і стартапів у "
                            "сфері кібербезпеки.",
                            "award": award,
                        }
                    ],
                    "biography": "<p>Вигаданий зразковий профіль демонстраційного сайту: такої "
                    "людини не існує.</p><p>Петр ділиться чеським досвідом захисту державних "
                    "установ від кібератак.</p>",
                    "photo": {
                        "title": "Demo portrait: Petr Vzorový (sample)",
                        "width": 800,
                        "height": 800,
                    },
                },
                {
                    "name": "Яна Указкова (зразок)",
                    "path": "/uk/ambasadory/yana-ukazkova-zrazok/",
                    "role": "Менеджерка кластера з цифрових інновацій",
                    "country": "CZ",
                    "countryName": "Чехія",
                    "organisation": organisation,
                    "links": [{"label": "Вебсайт", "url": "https://example.com/jana-ukazkova"}],
                    "awardProfiles": [
                        {
                            "year": 2022,
                            "citation": "За поєднання українських і чеських промислових "
                            "кластерів у перші місяці війни.",
                            "award": award,
                        }
                    ],
                    "biography": "<p>Вигаданий зразковий профіль демонстраційного сайту: такої "
                    "людини не існує.</p><p>Яна допомагала українським кластерам знаходити "
                    "чеських партнерів для проєктів Індустрії 4.0.</p>",
                    "photo": {
                        "title": "Demo portrait: Jana Ukázková (sample)",
                        "width": 800,
                        "height": 800,
                    },
                },
            ],
        }
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            {"awardYear": 2022},
            ["Emily Example (sample)", "Jana Ukázková (sample)", "Petr Vzorový (sample)"],
        ),
        ({"awardYear": 2021}, []),
        ({"country": "US"}, ["Emily Example (sample)"]),
    ],
)
def test_people_filters(graphql, filters, expected):
    data = graphql(NAMES, {"locale": "en", "filters": filters})["data"]["people"]
    assert [item["name"] for item in data["results"]] == expected
    assert data["totalCount"] == len(expected)


def test_people_filtered_by_award_and_organisation_ids_of_any_locale(graphql, locales):
    from people.models import Award, Organisation

    czech_award = Award.objects.get(locale=locales["cs"])
    ukrainian_cluster = Organisation.objects.get(locale=locales["uk"], kind="member")
    by_award = graphql(NAMES, {"locale": "en", "filters": {"award": str(czech_award.pk)}})
    assert by_award["data"]["people"]["totalCount"] == 3
    by_org = graphql(
        NAMES, {"locale": "cs", "filters": {"organisation": str(ukrainian_cluster.pk)}}
    )
    assert by_org["data"]["people"] == {
        "totalCount": 2,
        "results": [{"name": "Jana Ukázková (ukázka)"}, {"name": "Petr Vzorový (ukázka)"}],
    }


def test_czech_organisations(graphql):
    data = graphql(ORGANISATIONS, {"locale": "cs"})["data"]["organisations"]
    assert data["totalCount"] == 4
    assert data["results"][0] == {
        "name": "Business Club Ukraine",
        "shortName": "",
        "kind": "PARTNER",
        "country": "CZ",
        "countryName": "Česko",
        "website": "",
        "locale": "cs",
        "logo": {"title": "Demo logo: Business Club Ukraine"},
    }
    assert [item["name"] for item in data["results"]] == [
        "Business Club Ukraine",
        "Ministerstvo průmyslu a obchodu České republiky",
        "Ukrajinská klastrová aliance",
        "Ukázkový digitální klastr (smyšlený)",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            {"kind": "SIGNATORY"},
            ["Ministry of Industry and Trade of the Czech Republic", "Ukrainian Cluster Alliance"],
        ),
        ({"country": "UA"}, ["Ukrainian Cluster Alliance"]),
        ({"kind": "MEMBER", "country": "CZ"}, ["Sample Digital Cluster (fictional)"]),
    ],
)
def test_organisation_filters(graphql, filters, expected):
    data = graphql(ORGANISATIONS, {"locale": "en", "filters": filters})["data"]["organisations"]
    assert [item["name"] for item in data["results"]] == expected


def test_awards_in_each_locale(graphql):
    english = graphql(AWARDS, {"locale": "en"})["data"]["awards"]
    assert english == {
        "totalCount": 1,
        "results": [
            {
                "name": "Professionals4Ukraine",
                "description": "Given by the Ukrainian Cluster Alliance to the European and "
                "American experts whose help made its creation and rapid development possible. "
                "In 2022 it went to 13 ambassadors from the EU and the USA, two of them from the "
                "Czech Republic.",
                "awardedBy": {"name": "Ukrainian Cluster Alliance"},
                "locale": "en",
            }
        ],
    }
    ukrainian = graphql(AWARDS, {"locale": "uk"})["data"]["awards"]["results"][0]
    assert ukrainian["awardedBy"] == {"name": "Українська кластерна асоціація"}
    assert ukrainian["locale"] == "uk"


def test_single_snippets_by_id_in_another_locale(graphql, locales):
    from people.models import Award, Organisation

    award = Award.objects.get(locale=locales["en"])
    uca = Organisation.objects.get(locale=locales["en"], short_name="UCA")
    query = """query($a: ID!, $o: ID!) {
        award(id: $a, locale: "cs") { name locale isFallback }
        organisation(id: $o, locale: "uk") { name shortName locale } }"""
    assert graphql(query, {"a": str(award.pk), "o": str(uca.pk)})["data"] == {
        "award": {"name": "Professionals4Ukraine", "locale": "cs", "isFallback": False},
        "organisation": {
            "name": "Українська кластерна асоціація",
            "shortName": "УКА",
            "locale": "uk",
        },
    }


def test_person_by_path(graphql):
    query = """{ person(path: "/en/ambassadors/emily-example-sample/") {
        name country countryName organisation { name } translations { locale path } } }"""
    assert graphql(query)["data"] == {
        "person": {
            "name": "Emily Example (sample)",
            "country": "US",
            "countryName": "United States of America",
            "organisation": None,
            "translations": [
                {"locale": "en", "path": "/en/ambassadors/emily-example-sample/"},
                {"locale": "cs", "path": "/cs/ambasadori/emily-example-ukazka/"},
                {"locale": "uk", "path": "/uk/ambasadory/emili-eksampl-zrazok/"},
            ],
        }
    }
