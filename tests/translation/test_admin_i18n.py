"""The admin in Czech and Ukrainian (docs/translation.md, "The admin in Czech and Ukrainian").

1. Every msgid that makemessages extracts from our sources is translated in locale/cs and
   locale/uk (no empty or fuzzy entry), and the committed catalogues are what makemessages makes
   of today's sources: `make messages-update` would add nothing to translate.
2. A Ukrainian translator whose admin language is Ukrainian sees none of our English admin
   strings on the dashboard, the translation status report and wagtail-localize's editor of a
   Ukrainian page and snippet (Chromium). English content (titles, source text) is not admin text
   and is left out; Wagtail's and wagtail-localize's own strings are theirs.
3. The review notification reaches a Ukrainian reviewer in Ukrainian, an English-speaking one in
   English (every workflow email, in tests/translation/test_notification_language.py).
"""

import functools
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from cms.schema import schema
from events.models import EventPage
from home.models import Topic
from people.models import Organisation
from tests.factories import UserFactory
from tests.translation.test_browser import CHROMIUM, browser_page, log_in  # noqa: F401 (fixture)

BASE_DIR = Path(settings.BASE_DIR)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]")
LANGUAGES = ("cs", "uk")
# What `make messages-update` runs (Makefile: MESSAGES_IGNORE).
MAKEMESSAGES = [
    "makemessages",
    *("--locale", "cs", "--locale", "uk"),
    *("--add-location", "file"),
    *("--ignore=.venv*", "--ignore=var", "--ignore=node_modules", "--ignore=benchmarks"),
    "--ignore=tests",
]
# A string only the copy has: finding it in the copy's catalogues shows that makemessages read
# the copy and wrote the copy's catalogues, not the project's.
CANARY = "A string only the copy of the project has"
# Not copied for makemessages: what it ignores, and what holds no source of ours.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv*", "var", "node_modules", "benchmarks", "tests", "__pycache__", "*.egg-info",
    ".pytest_cache", ".ruff_cache", "*.mo",
)  # fmt: skip


def catalogue(root: Path, code: str) -> Path:
    return root / "locale" / code / "LC_MESSAGES" / "django.po"


def translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def messages(po: polib.POFile) -> dict:
    """msgid (and plural) → translation(s) of the catalogue's live entries."""
    return {
        (entry.msgid, entry.msgid_plural): (
            tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
        )
        for entry in po
        if not entry.obsolete
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues makemessages makes of today's sources, from the committed ones, in a copy
    of the project (makemessages writes into the project it runs in)."""
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        pytest.skip("GNU gettext is not installed (Debian: apt-get install gettext)")
    copy = tmp_path_factory.mktemp("makemessages") / "project"
    shutil.copytree(BASE_DIR, copy, ignore=NOT_SOURCES)
    canary = copy / "cms" / "templates" / "cms" / "i18n_canary.html"
    canary.write_text(f'{{% load i18n %}}{{% translate "{CANARY}" %}}\n')
    committed = {code: catalogue(BASE_DIR, code).read_bytes() for code in LANGUAGES}
    result = subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES],
        cwd=copy,
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The project's own catalogues are untouched: makemessages ran in the copy.
    assert {code: catalogue(BASE_DIR, code).read_bytes() for code in LANGUAGES} == committed
    catalogues = {}
    for code in LANGUAGES:
        po = polib.pofile(str(catalogue(copy, code)))
        assert po.find(CANARY) is not None
        po.remove(po.find(CANARY))
        catalogues[code] = po
    return catalogues


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_admin_string_is_translated(extracted, code):
    po = extracted[code]
    assert len(po) > 300  # the extraction found our strings (there are about 350)
    untranslated = [
        entry.msgid
        for entry in po
        if not entry.obsolete and (not translated(entry) or "fuzzy" in entry.flags)
    ]
    assert untranslated == [], (
        f"locale/{code}: untranslated or fuzzy after `make messages-update`; translate them:\n"
        + "\n".join(untranslated)
    )
    assert po.metadata["Language"] == code
    assert po.metadata["Plural-Forms"].startswith("nplurals=4;")  # as Django's and Wagtail's


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_committed_catalogues_are_up_to_date(extracted, code):
    committed = messages(polib.pofile(str(catalogue(BASE_DIR, code))))
    current = messages(extracted[code])
    assert sorted(set(current) - set(committed)) == [], "new strings: run make messages-update"
    assert sorted(set(committed) - set(current)) == [], "stale strings: run make messages-update"
    assert committed == current


# --- compiled catalogues, for the admin and the email --------------------------------------------


@pytest.fixture(scope="module")
def compiled():
    """The .mo files `make messages` builds (make test and make run do); this test needs them."""
    stale = [
        str(po.relative_to(BASE_DIR))
        for po in (catalogue(BASE_DIR, code) for code in LANGUAGES)
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale and not shutil.which("msgfmt"):
        pytest.skip("GNU gettext is not installed: the catalogues cannot be compiled")
    assert stale == [], f"not compiled since they changed: {stale}; run `make messages`"


def has_a_word(msgid: str) -> bool:
    """A word of 4 letters or more besides the placeholders: "%(pages)s and %(snippets)s" would
    be found in any English."""
    return bool(re.search(r"[^\W\d_]{4}", PLACEHOLDER.sub("", msgid)))


def english_msgids(code: str = "uk") -> list[str]:
    """Our English admin strings that the catalogue says differently (and that have a word)."""
    found = []
    for entry in polib.pofile(str(catalogue(BASE_DIR, code))):
        if entry.obsolete:
            continue
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[2])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        found += [msgid for msgid, msgstr in pairs if msgstr != msgid and has_a_word(msgid)]
    return found


def pattern_of(msgid: str, text: str = r".{1,80}?") -> re.Pattern:
    """The msgid as whole words, a number placeholder standing for digits and any other for
    `text`, its first letter in either case (verbose names are lower case and are shown
    capitalised)."""
    body = ""
    for index, part in enumerate(re.split(f"({PLACEHOLDER.pattern})", msgid)):
        if index % 2:
            body += r"\d+" if part.endswith("d") else text
        else:
            body += re.escape(part.replace("%%", "%"))
    if msgid[0].isalpha():
        body = f"[{msgid[0].lower()}{msgid[0].upper()}]" + body[len(re.escape(msgid[0])) :]
    return re.compile(rf"(?<!\w){body}(?!\w)")


def test_the_api_is_described_in_english_whatever_language_is_active(compiled):
    """The API's descriptions are the models' help texts, which the admin translates: the schema
    holds them as English text (cms/schema.py, cms/graphql/relations.py), never as lazy text
    printed in the language of the moment."""
    english = schema.as_str()
    with translation.override("uk"):
        ukrainian = schema.as_str()
        assert str(EventPage._meta.get_field("city").help_text) == "Місто, напр. Прага чи Брно."
    assert ukrainian == english
    assert '"""City, e.g. Prague or Brno."""' in english  # a field's help text
    assert '"""The organisation that gives the award."""' in english  # a relation's


# --- 2. what a Ukrainian translator sees ---------------------------------------------------------

# Content, not admin text, in the pages visited: the source and translated text of each segment
# in wagtail-localize's editor (its paragraphs and image), the content's titles in the report,
# and the source text before and after a change above the editor.
CONTENT = ", ".join(
    [
        ".js-translation-editor p",
        ".js-translation-editor img",
        "[data-translation-status-report] tbody td:first-child",
        "[data-source-changes] del",
        "[data-source-changes] ins",
    ]
)
VISIBLE_TEXT = """(content) => {
    for (const element of document.querySelectorAll(content)) {
        element.style.display = "none";
    }
    const attributes = [];
    for (const element of document.body.querySelectorAll("[title], [aria-label], [placeholder]")) {
        if (element.closest(content) || !element.getClientRects().length) continue;
        for (const name of ["title", "aria-label", "placeholder"]) {
            if (element.hasAttribute(name)) attributes.push(element.getAttribute(name));
        }
    }
    return [document.title, document.body.innerText, ...attributes].join("\\n");
}"""


@functools.cache
def their_english() -> list[re.Pattern]:
    """Wagtail's and wagtail-localize's own strings that their Ukrainian catalogues leave in
    English ("Toggle status"): theirs to translate, and never taken for ours. Longest first, so
    that a phrase goes before the words in it; a placeholder stands for one word or number
    here, so that no text of ours around one goes with it."""
    strings = set()
    for package in ("wagtail", "wagtail_localize"):
        root = Path(importlib.util.find_spec(package).origin).parent
        for english in root.glob("**/locale/en/LC_MESSAGES/*.po"):
            ukrainian = english.parents[2] / "uk" / "LC_MESSAGES" / english.name
            done = set()
            if ukrainian.exists():
                done = {
                    entry.msgid
                    for entry in polib.pofile(str(ukrainian))
                    if translated(entry) and "fuzzy" not in entry.flags
                }
            for entry in polib.pofile(str(english)):
                strings |= {entry.msgid, entry.msgid_plural} - done - {""}
    return [
        pattern_of(msgid, text=r"\S+")
        for msgid in sorted(
            strings, key=lambda msgid: len(PLACEHOLDER.sub("", msgid)), reverse=True
        )
        if has_a_word(msgid)
    ]


def visible_text(page, content: list[str]) -> str:
    """What the page shows, less `content` (titles of what it shows), the site's name (which is
    configuration: "Czech–Ukrainian Digital Innovation") and Wagtail's own English."""
    text = page.evaluate(VISIBLE_TEXT, CONTENT)
    for string in [settings.WAGTAIL_SITE_NAME, *content]:
        text = text.replace(string, " ")
    for pattern in their_english():
        text = pattern.sub(" ", text)
    return text


def english_found(text: str) -> list[str]:
    """Each of our English strings in the text, with where it was found."""
    found = []
    for msgid in english_msgids():
        for match in pattern_of(msgid).finditer(text):
            around = text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " ")
            found.append(f"{msgid!r} in {around!r}")
    return sorted(found)


@pytest.fixture
def ukrainian_translator(db):
    user = UserFactory(username="translator-uk", groups=["Translators (uk)"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "uk"
    profile.save()
    return user


def test_the_pattern_matches_whole_words_with_placeholders():
    assert pattern_of("event page").search("Event page topic")
    assert not pattern_of("event").search("Events")
    assert pattern_of("Saved '%(object)s'; it is already under review.").search(
        "Saved 'Кібербезпека'; it is already under review."
    )
    assert pattern_of("%(percent)s%% (%(translated)s of %(segments)s strings)").search(
        "99% (224 of 225 strings)"
    )
    # Wagtail's strings are taken out with a placeholder standing for one word: ours stay.
    assert pattern_of("%(total)s Pages", text=r"\S+").sub(" ", "Status 33 Pages") == "Status  "


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
def test_a_ukrainian_translator_sees_no_english_admin_string_of_ours(
    compiled,
    keep_demo_site,
    live_server,
    browser_page,  # noqa: F811 (the fixture imported above)
    ukrainian_translator,
):
    page, base = browser_page, live_server.url
    uk = Locale.objects.get(language_code="uk")
    # An outdated event (the source changed since it was translated) and an organisation.
    event = EventPage.objects.get(locale=uk, slug="b2b-zustrichi-tsyfrovi-innovatsii")
    organisation = Organisation.objects.get(locale=uk, short_name="УКА")
    # name: (address, what shows the page is there, a Ukrainian string of ours on it, the
    # content it names outside the editor's segments: the window title names the source)
    visits = {
        "dashboard": ("/admin/", "[data-translation-status-panel]", "Стан перекладів", []),
        "translation status report": (
            reverse("translation_status_report"),
            "[data-translation-status-report]",
            "Завантажити CSV",
            [],
        ),
        "editor of a uk page": (
            reverse("wagtailadmin_pages:edit", args=[event.pk]),
            ".js-translation-editor h3",
            "Місце проведення",
            [
                EventPage.objects.get(
                    translation_key=event.translation_key, locale__language_code="en"
                ).title
            ],
        ),
        "editor of a uk snippet": (
            reverse("wagtailsnippets_people_organisation:edit", args=[organisation.pk]),
            ".js-translation-editor h3",
            "Скорочена назва",
            [organisation.get_translation(Locale.get_default()).name],
        ),
    }

    log_in(page, base, ukrainian_translator.username)
    found = {}
    for name, (path, ready, ukrainian, content) in visits.items():
        page.goto(base + path)
        page.locator(ready).first.wait_for()
        page.wait_for_load_state("networkidle")
        page.shots.append((name, page.screenshot(full_page=True)))
        text = visible_text(page, content)
        # Our Ukrainian is there: the page is not one whose strings are simply missing.
        assert ukrainian in text, name
        found[name] = english_found(text)

    assert found == dict.fromkeys(visits, []), "English admin strings of ours shown:\n" + "\n".join(
        f"{name}: {string}" for name, strings in found.items() for string in strings
    )


# --- 3. the review notification ------------------------------------------------------------------


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_review_notification_is_in_the_reviewers_admin_language(client, compiled, locales):
    """Each recipient's email is in their admin language: the sentences are the project's
    (templates/wagtailadmin/notifications/), and the task, a row entered in English, is named in
    the reader's language."""
    ukrainian = UserFactory(username="reviewer-uk", groups=["Reviewers (uk)"])
    profile = UserProfile.get_for_user(ukrainian)
    profile.preferred_language = "uk"
    profile.save()
    english = UserFactory(username="reviewer-uk-en", groups=["Reviewers (uk)"])
    topic = Topic.objects.get(locale=locales["en"], slug="cybersecurity")
    translation = Translation.objects.get(
        source__object_id=topic.translation_key, target_locale=locales["uk"]
    )
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtailsnippets_home_topic:edit", args=[topic.get_translation(locales["uk"]).pk]
    )
    preferences_url = settings.WAGTAILADMIN_BASE_URL + "/admin/account/#tab-notifications"
    task = '"Review by the locale\'s reviewers"'
    mail.outbox.clear()

    client.force_login(UserFactory(username="translator-uk", groups=["Translators (uk)"]))
    response = client.post(reverse("translation_review_submit", args=[translation.pk]))

    assert response.status_code == 302
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {ukrainian.email, english.email}
    assert sent[ukrainian.email].subject == (
        "Запис «Кібербезпека» (тема) передано на схвалення на етапі «Перевірка рецензентами мови»"
    )
    assert lines(sent[ukrainian.email].body) == [
        "Привіт reviewer-uk,",
        "Запис «Кібербезпека» (тема) передано на схвалення на етапі «Перевірка рецензентами "
        "мови» користувачем translator-uk.",
        "Мова: Українська",
        f"Редагувати запис (тема) можна тут: {edit_url}",
        f"Змінюйте вподобання ваших сповіщень тут: {preferences_url}",
    ]
    assert sent[english.email].subject == (
        f'The topic "Кібербезпека" has been submitted for approval in moderation stage {task}'
    )
    assert lines(sent[english.email].body) == [
        "Hello reviewer-uk-en,",
        f'The topic "Кібербезпека" has been submitted for approval in moderation stage {task} '
        "by translator-uk.",
        "Language: Ukrainian",
        f"You can edit the topic here: {edit_url}",
        f"Edit your notification preferences here: {preferences_url}",
    ]
