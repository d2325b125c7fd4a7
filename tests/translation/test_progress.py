"""Translation progress (issue #13): per locale, the share of source strings translated, how
many pages and snippets are up to date and how many are in each state, on the dashboard panel,
above the "Translation status" report and in the API's `translationProgress`.

`known_set` removes the demo's content inside the test's transaction (only the English home
page is left, with no translation source), then builds:

All pages are standard pages below the home page.

| English (publication)      | strings | uk                          | cs                         |
| -------------------------- | ------- | --------------------------- | -------------------------- |
| home page (live)           | unknown | up to date (a copy)         | up to date (a copy)        |
| "Alpha" page (live)        | 5       | up to date, 5 of 5          | up to date, 5 of 5         |
| "Beta" page (live)         | 6       | in progress, 3 of 6 (draft) | missing, 0 of 6            |
| "Draft" page (a draft)     | unknown | missing                     | missing                    |
| "Private" page (login)     | 3       | up to date, 3 of 3          | up to date, 3 of 3         |
| "Gamma" topic (live)       | 2       | awaiting review, 2 of 2     | machine-translated, 2 of 2 |

wagtail-localize copies the home page into cs and uk when it translates its first child, without
a translation source; the draft page was never prepared for translation: neither has strings to
count ("not prepared"), both count in the states. The admin counts all six objects; the API only
the home page, Alpha, Beta and Gamma (the draft and the private page are not public).
"""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.mixins import translatable_snippet_models
from cms.translation.report import TranslationStatusPanel
from cms.translation.workflow import save_draft
from home.models import StandardPage, Topic
from tests.factories import UserFactory

MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE

COUNTS = "counts { missing inProgress awaitingReview machineTranslated outdated upToDate }"
PROGRESS_QUERY = f"""
query Progress($locale: String!) {{
  translationProgress(locale: $locale) {{
    locale percentTranslated total upToDate {COUNTS}
    byType {{ type percentTranslated total upToDate {COUNTS} }}
  }}
}}
"""
TOTALS_QUERY = """
query Totals($locale: String!) {
  translationProgress(locale: $locale) { percentTranslated total upToDate }
}
"""


# --- building the known set -------------------------------------------------------------------


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def english_page(title: str, paragraphs: list[str], publish: bool = True) -> StandardPage:
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    page = StandardPage(
        title=title,
        slug=slugify(title),
        intro=f"{title} in brief.",
        body=[paragraph(text) for text in paragraphs],
        live=publish,
    )
    home.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def source_of(instance) -> TranslationSource:
    return TranslationSource.get_or_create_from_instance(instance)[0]


def translate(instance, code: str, count: int | None = None, kind: str = MANUAL) -> Translation:
    """Enter the first `count` strings (all when None) of `instance` in `code`, as `kind`."""
    source = source_of(instance)
    locale = Locale.objects.get(language_code=code)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    for segment in list(segments.order_by("order"))[:count]:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"[{code}] {segment.string.data}", "translation_type": kind},
        )
    return translation


def publish(translation: Translation) -> None:
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    (target.specific if isinstance(target, Page) else target).latest_revision.publish()


def clear_demo(locales) -> None:
    """Only the English home page is left: no other page, snippet or translation source."""
    Page.objects.filter(depth__gt=2).delete()
    Page.objects.filter(depth=2).exclude(locale=locales["en"]).delete()
    TranslationSource.objects.all().delete()
    for model in reversed(translatable_snippet_models()):
        model.objects.all().delete()


@pytest.fixture
def known_set(locales):
    clear_demo(locales)
    alpha = english_page("Alpha", ["Alpha one.", "Alpha two."])
    beta = english_page("Beta", ["Beta one.", "Beta two.", "Beta three."])
    draft = english_page("Draft", ["Never published."], publish=False)
    private = english_page("Private", [])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    gamma = Topic(name="Gamma", slug="gamma", description="Gamma described.", locale=locales["en"])
    gamma.save()
    gamma.save_revision().publish()

    for code in ("uk", "cs"):
        publish(translate(alpha, code))
        publish(translate(private, code))
    save_draft(translate(beta, "uk", count=3), user=None)
    source_of(beta)  # prepared for translation: cs has none of its strings
    publish(translate(gamma, "cs", kind=MACHINE))
    publish(translate(gamma, "uk"))
    ukrainian = gamma.get_translation(locales["uk"])
    # A uk translator's revision of the live translation, submitted for review.
    ukrainian.save_revision()
    ukrainian.get_workflow().start(ukrainian, None)

    strings = {
        obj.title if isinstance(obj, Page) else obj.name: StringSegment.objects.filter(
            source__object_id=obj.translation_key
        ).count()
        for obj in (alpha, beta, gamma, draft, private)
    }
    assert strings == {"Alpha": 5, "Beta": 6, "Gamma": 2, "Draft": 0, "Private": 3}
    return {"alpha": alpha, "beta": beta, "gamma": gamma, "draft": draft, "private": private}


# --- reading the admin's progress tables ------------------------------------------------------

REPORT = "/admin/reports/translation-status/"


def progress_rows(html: str, selector: str) -> dict:
    """{locale: what a person reads in its row} of the progress table under `selector`."""
    table = BeautifulSoup(html, "html.parser").select_one(selector)
    rows = {}
    for row in table.select("tbody tr"):
        bar = row.select_one("progress")
        strings = row.select_one("[data-strings-translated]")
        note = strings.select_one("p")
        rows[row["data-locale"]] = {
            "bar": {key: bar[key] for key in ("value", "max", "aria-label")},
            "strings": strings.select_one("span").get_text(strip=True),
            "note": note.get_text(strip=True) if note else None,
            "up to date": row.select_one("[data-up-to-date]").get_text(strip=True),
            "counts": {
                link["data-status"]: (link.get_text(strip=True), link["href"])
                for link in row.select("a[data-status]")
            },
        }
    return rows


def links(code: str, counts: dict, extra: str = "") -> dict:
    return {
        status: (str(count), f"{REPORT}?locale={code}&status={status.replace(' ', '%20')}{extra}")
        for status, count in counts.items()
    }


def bar(percent: int, code: str) -> dict:
    return {"value": str(percent), "max": "100", "aria-label": f"Strings translated into {code}"}


NOT_PREPARED_2 = "2 items not prepared for translation yet: their strings are not counted."
UK_ROW = {
    "bar": bar(81, "uk"),
    "strings": "81% (13 of 16 strings)",
    "note": NOT_PREPARED_2,
    "up to date": "3 of 6 up to date",
    "counts": links(
        "uk",
        {
            "missing": 1,
            "in progress": 1,
            "awaiting review": 1,
            "machine-translated": 0,
            "outdated": 0,
            "up to date": 3,
        },
    ),
}
CS_ROW = {
    # 10 of 16 is 62.5%: rounded half to even.
    "bar": bar(62, "cs"),
    "strings": "62% (10 of 16 strings)",
    "note": NOT_PREPARED_2,
    "up to date": "3 of 6 up to date",
    "counts": links(
        "cs",
        {
            "missing": 2,
            "in progress": 0,
            "awaiting review": 0,
            "machine-translated": 1,
            "outdated": 0,
            "up to date": 3,
        },
    ),
}


def report_titles(response) -> list[tuple[str, str, str]]:
    return [(row.title, row.locale, row.status) for row in response.context["rows"]]


# --- the dashboard panel ----------------------------------------------------------------------


def test_dashboard_panel_shows_each_locales_progress(client, known_set):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert progress_rows(html, "[data-translation-status-panel]") == {"cs": CS_ROW, "uk": UK_ROW}

    # Each count opens the report filtered by its locale and state.
    _count, href = UK_ROW["counts"]["awaiting review"]
    assert report_titles(client.get(href)) == [("Gamma", "uk", "awaiting review")]
    _count, href = CS_ROW["counts"]["missing"]
    assert report_titles(client.get(href)) == [
        ("Beta", "cs", "missing"),
        ("Draft", "cs", "missing"),
    ]


def test_a_translator_sees_the_progress_of_their_locale_only(client, known_set):
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert progress_rows(html, "[data-translation-status-panel]") == {"uk": UK_ROW}


# --- the report's summary ---------------------------------------------------------------------


def test_report_summary_follows_the_locale_and_type_filters(client, known_set):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(REPORT)
    assert progress_rows(response.content.decode(), "[data-translation-progress-summary]") == {
        "cs": CS_ROW,
        "uk": UK_ROW,
    }

    # Standard pages in uk: Alpha 5 of 5, Beta 3 of 6, Private 3 of 3, Draft not prepared. The
    # status filter narrows the table, not the summary.
    filters = {"locale": "uk", "content_type": "standard page", "status": "missing"}
    response = client.get(REPORT, filters)
    html = response.content.decode()
    summary = BeautifulSoup(html, "html.parser").select_one("[data-translation-progress-summary]")
    assert summary.select_one("h2").get_text(strip=True) == "Progress: standard page"
    assert progress_rows(html, "[data-translation-progress-summary]") == {
        "uk": {
            "bar": bar(79, "uk"),
            "strings": "79% (11 of 14 strings)",
            "note": "1 item not prepared for translation yet: its strings are not counted.",
            "up to date": "2 of 4 up to date",
            "counts": links(
                "uk",
                {
                    "missing": 1,
                    "in progress": 1,
                    "awaiting review": 0,
                    "machine-translated": 0,
                    "outdated": 0,
                    "up to date": 2,
                },
                extra="&content_type=standard%20page",
            ),
        }
    }
    assert report_titles(response) == [("Draft", "uk", "missing")]


# --- the API ----------------------------------------------------------------------------------


def counts(missing=0, in_progress=0, review=0, machine=0, outdated=0, up_to_date=0) -> dict:
    return {
        "missing": missing,
        "inProgress": in_progress,
        "awaitingReview": review,
        "machineTranslated": machine,
        "outdated": outdated,
        "upToDate": up_to_date,
    }


def test_translation_progress_counts_the_public_sources_only(graphql, known_set):
    """The home page, Alpha, Beta and Gamma: not the draft page, not the private one."""
    assert graphql(PROGRESS_QUERY, {"locale": "uk"})["data"] == {
        "translationProgress": {
            "locale": "uk",
            "percentTranslated": 77,  # (5 + 3 + 2) of (5 + 6 + 2)
            "total": 4,
            "upToDate": 2,
            "counts": counts(in_progress=1, review=1, up_to_date=2),
            "byType": [
                {
                    "type": "HomePage",
                    "percentTranslated": 100,  # no strings to count, and up to date
                    "total": 1,
                    "upToDate": 1,
                    "counts": counts(up_to_date=1),
                },
                {
                    "type": "StandardPage",
                    "percentTranslated": 73,  # 8 of 11
                    "total": 2,
                    "upToDate": 1,
                    "counts": counts(in_progress=1, up_to_date=1),
                },
                {
                    "type": "Topic",
                    "percentTranslated": 100,
                    "total": 1,
                    "upToDate": 0,
                    "counts": counts(review=1),
                },
            ],
        }
    }
    assert graphql(PROGRESS_QUERY, {"locale": "cs"})["data"] == {
        "translationProgress": {
            "locale": "cs",
            "percentTranslated": 54,  # (5 + 0 + 2) of 13
            "total": 4,
            "upToDate": 2,
            "counts": counts(missing=1, machine=1, up_to_date=2),
            "byType": [
                {
                    "type": "HomePage",
                    "percentTranslated": 100,
                    "total": 1,
                    "upToDate": 1,
                    "counts": counts(up_to_date=1),
                },
                {
                    "type": "StandardPage",
                    "percentTranslated": 45,  # 5 of 11
                    "total": 2,
                    "upToDate": 1,
                    "counts": counts(missing=1, up_to_date=1),
                },
                {
                    "type": "Topic",
                    "percentTranslated": 100,
                    "total": 1,
                    "upToDate": 0,
                    "counts": counts(machine=1),
                },
            ],
        }
    }


def test_expired_and_unpublished_sources_leave_the_api_not_the_report(
    graphql, client, known_set, locales
):
    alpha = StandardPage.objects.get(pk=known_set["alpha"].pk)
    alpha.expire_at = timezone.now() - dt.timedelta(minutes=1)
    alpha.save()
    Topic.objects.get(pk=known_set["gamma"].pk).unpublish()
    # Beta only: 3 of 6.
    assert graphql(TOTALS_QUERY, {"locale": "uk"})["data"] == {
        "translationProgress": {"percentTranslated": 50, "total": 2, "upToDate": 1}
    }
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(REPORT, {"locale": "uk"}).content.decode()
    assert progress_rows(html, "[data-translation-progress-summary]")["uk"]["up to date"] == (
        "3 of 6 up to date"
    )


def test_unknown_and_source_locales_are_errors_with_codes(graphql, locales):
    unknown = graphql(TOTALS_QUERY, {"locale": "de"}, expect_errors=True)
    assert unknown == {
        "data": None,
        "errors": [
            {
                "message": "Unknown locale 'de'; this site has: cs, en, uk.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["translationProgress"],
                "extensions": {"code": "LOCALE_NOT_FOUND"},
            }
        ],
    }
    source = graphql(TOTALS_QUERY, {"locale": "en"}, expect_errors=True)
    assert source["errors"][0]["message"] == (
        "'en' is the source language: nothing is translated into it. Ask for one of: cs, uk."
    )
    assert source["errors"][0]["extensions"] == {"code": "INVALID_ARGUMENT"}


# --- cost ---------------------------------------------------------------------------------------

# Queries of the panel, the report and translationProgress, whatever the number of pages.
PANEL_QUERIES = 18
REPORT_QUERIES = 24
API_QUERIES = 21


@pytest.mark.parametrize(
    ("pages", "percent"),
    [
        # Extra pages of 4 strings, every other one fully translated, the others 1 of 4:
        (3, 64),  # (10 + 4 + 1 + 1) of (13 + 12)
        (10, 66),  # (10 + 5 * 4 + 5 * 1) of (13 + 40)
    ],
)
def test_query_counts_do_not_grow_with_the_content(
    pages, percent, client, graphql, known_set, django_assert_num_queries
):
    for number in range(pages):
        page = english_page(f"Extra {number}", [f"Extra text {number}."])
        if number % 2:
            publish(translate(page, "uk"))
        else:
            save_draft(translate(page, "uk", count=1), user=None)
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    client.get(REPORT)  # the session, the user and the site's root paths are then known

    panel = TranslationStatusPanel(user)
    with django_assert_num_queries(PANEL_QUERIES):
        html = panel.render_html({})
    assert progress_rows(html, "[data-translation-status-panel]")["uk"]["up to date"] == (
        f"{3 + pages // 2} of {6 + pages} up to date"
    )
    with django_assert_num_queries(REPORT_QUERIES):
        response = client.get(REPORT, {"locale": "uk"})
    assert len(response.context["rows"]) == 6 + pages
    with django_assert_num_queries(API_QUERIES):
        answer = graphql(TOTALS_QUERY, {"locale": "uk"})
    assert answer["data"] == {
        "translationProgress": {
            "percentTranslated": percent,
            "total": 4 + pages,
            "upToDate": 2 + pages // 2,
        }
    }


# --- the response cache -----------------------------------------------------------------------


@pytest.fixture
def response_cache(settings):
    """The response cache on, in the tests' local-memory cache, emptied around the test."""
    settings.GRAPHQL_RESPONSE_CACHE = {"ENABLED": True, "TIMEOUT": 3600, "CACHE": "default"}
    cache.clear()
    yield
    cache.clear()


def test_anonymous_reads_are_cached_until_a_publish(
    client, known_set, response_cache, django_assert_num_queries
):
    params = {"query": TOTALS_QUERY, "variables": '{"locale": "uk"}'}
    first = client.get("/graphql/", params)
    assert first.json() == {
        "data": {"translationProgress": {"percentTranslated": 77, "total": 4, "upToDate": 2}}
    }
    assert first["Cache-Control"].startswith("public")
    with django_assert_num_queries(0):
        again = client.get("/graphql/", params)
    assert again.content == first.content

    # A translator enters Beta's last 3 strings: nothing is published, the cached answer stays.
    translation = translate(known_set["beta"], "uk")
    with django_assert_num_queries(0):
        assert client.get("/graphql/", params).content == first.content
    # The reviewer approves it: the publish retires every cached answer.
    publish(translation)
    assert client.get("/graphql/", params).json() == {
        "data": {"translationProgress": {"percentTranslated": 100, "total": 4, "upToDate": 3}}
    }
