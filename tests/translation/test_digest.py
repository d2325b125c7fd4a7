"""The translators' digest of source changes (cms/translation/digest.py): who gets it, what it
says, in whose language, and that nothing is sent twice or when nothing changed."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.translation.digest import send_digests
from cms.translation.models import SourceChange, TranslationDigest
from home.models import StandardPage, Topic
from tests.factories import UserFactory
from tests.translation.test_sync import (
    SNIPPET_TEXTS,
    TEXTS,
    change_second_paragraph,
    make_translated_page,
    translate,
    version,
)

PRAGUE = ZoneInfo("Europe/Prague")
JOINED = dt.datetime(2026, 12, 1, 8, 0, tzinfo=PRAGUE)
CHANGED_AT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=PRAGUE)
DIGEST_AT = dt.datetime(2026, 12, 2, 7, 0, tzinfo=PRAGUE)
BASE_URL = "https://cms.example.org"
NEW_INTRO = "How translations follow their source, as drafts."
NEW_DESCRIPTION = "The description, rewritten."

ENGLISH_BODY = """Hello {name},

The source of these pages and snippets you translate changed since 2026-12-01 08:00. Open each \
translation: the changed strings are highlighted in the translation editor. Translate them and \
submit the translation for review; the live translation keeps its text until a reviewer approves.

{locale}
- {page} (Standard page): 2 strings changed
  {page_url}
- {topic} (Topic): 1 string changed
  {topic_url}

Every translation and its status: https://cms.example.org/admin/reports/translation-status/

You receive this digest because you are a translator on Czech–Ukrainian Digital Innovation.
"""


@pytest.fixture
def people(db, time_machine, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    time_machine.move_to(JOINED, tick=False)
    made = {
        "cs": UserFactory(
            username="jana", first_name="Jana", last_name="Nováková", groups=["Translators (cs)"]
        ),
        "cs-prefers-czech": UserFactory(username="petr", groups=["Translators (cs)"]),
        "uk": UserFactory(username="olena", first_name="Olena", groups=["Translators (uk)"]),
        # Not translators, or not reachable: never sent a digest.
        "cs-reviewer": UserFactory(groups=["Reviewers (cs)"]),
        "editor-2": UserFactory(groups=["Editors"]),
        "admin": UserFactory(is_superuser=True),
        "inactive": UserFactory(groups=["Translators (cs)"], is_active=False),
        "no-email": UserFactory(groups=["Translators (uk)"], email=""),
    }
    profile = UserProfile.get_for_user(made["cs-prefers-czech"])
    profile.preferred_language = "cs"
    profile.save()
    return made


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def content(people, editor):
    """A translated page and topic, made when the translators joined (before any change)."""
    translated_page = make_translated_page(editor)
    topic = Topic(
        name="Sync test snippet",
        slug="sync-test-snippet",
        description="The first description.",
        locale=Locale.get_default(),
    )
    topic.save()
    topic.save_revision(user=editor).publish(user=editor)
    translate(topic, SNIPPET_TEXTS)
    return {"page": translated_page, "topic": topic}


def change_everything(content, editor, capture, time_machine):
    """The editor changes two strings of the page and one of the topic, and publishes."""
    time_machine.move_to(CHANGED_AT, tick=False)
    page, topic = content["page"], content["topic"]
    with capture(execute=True):
        page.intro = NEW_INTRO
        change_second_paragraph(page, editor)
    topic.description = NEW_DESCRIPTION
    with capture(execute=True):
        topic.save_revision(user=editor).publish(user=editor)


def expected_english(user, code, content) -> str:
    page, topic = (
        version(content["page"], code),
        content["topic"].get_translation(Locale.objects.get(language_code=code)),
    )
    return ENGLISH_BODY.format(
        name=user.get_full_name() or user.username,
        locale={"cs": "Czech", "uk": "Ukrainian"}[code],
        page=TEXTS["Keeping current"][code],
        page_url=f"{BASE_URL}{reverse('wagtailadmin_pages:edit', args=[page.pk])}",
        topic=SNIPPET_TEXTS["Sync test snippet"][code],
        topic_url=f"{BASE_URL}{reverse('wagtailsnippets_home_topic:edit', args=[topic.pk])}",
    )


def sent() -> dict[str, tuple[str, str]]:
    """{recipient: (subject, body)}, one recipient per email."""
    result = {}
    for message in mail.outbox:
        assert len(message.to) == 1
        assert message.from_email == "Czech–Ukrainian Digital Innovation CMS <cms@localhost>"
        result[message.to[0]] = (message.subject, message.body)
    return result


def test_nothing_is_sent_when_nothing_changed(content, time_machine):
    time_machine.move_to(DIGEST_AT, tick=False)
    mail.outbox.clear()
    assert send_digests() == 0
    assert mail.outbox == []


def test_each_translator_gets_the_changes_of_their_locale_once(
    content, people, editor, django_capture_on_commit_callbacks, time_machine
):
    change_everything(content, editor, django_capture_on_commit_callbacks, time_machine)
    assert SourceChange.objects.count() == 2
    time_machine.move_to(DIGEST_AT, tick=False)
    mail.outbox.clear()

    output = io.StringIO()
    call_command("send_translation_digest", stdout=output)

    assert output.getvalue() == "Sent 3 translation digest(s).\n"
    emails = sent()
    jana, petr, olena = people["cs"], people["cs-prefers-czech"], people["uk"]
    assert set(emails) == {jana.email, petr.email, olena.email}
    subject = "3 strings changed in 1 page and 1 snippet you translate"
    assert emails[jana.email] == (subject, expected_english(jana, "cs", content))
    assert emails[olena.email] == (subject, expected_english(olena, "uk", content))
    for user in (jana, petr, olena):
        assert TranslationDigest.objects.get(user=user).last_digest_at == DIGEST_AT

    # Nothing twice: the next run has nothing new for anyone.
    mail.outbox.clear()
    time_machine.move_to(DIGEST_AT + dt.timedelta(days=1), tick=False)
    assert send_digests() == 0
    assert mail.outbox == []


def test_the_next_digest_has_only_what_changed_since(
    content, people, editor, django_capture_on_commit_callbacks, time_machine
):
    change_everything(content, editor, django_capture_on_commit_callbacks, time_machine)
    time_machine.move_to(DIGEST_AT, tick=False)
    send_digests()
    mail.outbox.clear()

    # The paragraph is changed once more, twice, before the next digest: one string.
    time_machine.move_to(DIGEST_AT + dt.timedelta(hours=2), tick=False)
    for text in ("Members meet monthly.", "Members meet every month, online."):
        with django_capture_on_commit_callbacks(execute=True):
            change_second_paragraph(StandardPage.objects.get(pk=content["page"].pk), editor, text)
    time_machine.move_to(DIGEST_AT + dt.timedelta(days=1), tick=False)

    assert send_digests() == 3
    subjects = {address: subject for address, (subject, _body) in sent().items()}
    assert subjects == {
        people["cs"].email: "1 string changed in 1 page you translate",
        people["uk"].email: "1 string changed in 1 page you translate",
        # Petr's admin speaks Czech (locale/cs).
        people["cs-prefers-czech"].email: "1 řetězec změněn v obsahu, který překládáte: 1 stránka",
    }
    body = sent()[people["uk"].email][1]
    assert "changed since 2026-12-02 07:00" in body
    assert f"- {TEXTS['Keeping current']['uk']} (Standard page): 1 string changed\n" in body
    assert "Topic" not in body


def pseudo(text) -> str:
    return f"[cs] {text}"


@pytest.fixture
def pseudo_czech(monkeypatch):
    """Every string looked up through gettext while Czech is active comes back as its English
    msgid, marked, so a string of the email that is not marked for translation (or an email not
    rendered in the recipient's language) shows unmarked; the real Czech catalogue is checked by
    tests/translation/test_admin_i18n.py. Django caches its translation functions on `_trans`."""
    real = {name: getattr(translation._trans, name) for name in ("gettext", "ngettext")}

    def gettext(message):
        if translation.get_language() == "cs":
            return pseudo(message)
        return real["gettext"](message)

    def ngettext(singular, plural, number):
        if translation.get_language() == "cs":
            return pseudo(singular if number == 1 else plural)
        return real["ngettext"](singular, plural, number)

    monkeypatch.setattr(translation._trans, "gettext", gettext, raising=False)
    monkeypatch.setattr(translation._trans, "ngettext", ngettext, raising=False)


def test_the_digest_is_in_the_recipients_admin_language_and_every_string_is_marked(
    content, people, editor, django_capture_on_commit_callbacks, time_machine, pseudo_czech
):
    change_everything(content, editor, django_capture_on_commit_callbacks, time_machine)
    time_machine.move_to(DIGEST_AT, tick=False)
    mail.outbox.clear()

    send_digests()

    petr = people["cs-prefers-czech"]
    page = version(content["page"], "cs")
    topic = content["topic"].get_translation(Locale.objects.get(language_code="cs"))
    with translation.override("cs"):
        czech = str(Locale.objects.get(language_code="cs").get_display_name())
        page_kind = str(capfirst(StandardPage._meta.verbose_name))
        topic_kind = str(capfirst(Topic._meta.verbose_name))
    assert sent()[petr.email] == (
        pseudo(
            f"{pseudo('3 strings changed')} in "
            f"{pseudo(pseudo('1 page') + ' and ' + pseudo('1 snippet'))} you translate"
        ),
        "\n".join(
            [
                pseudo("Hello petr,"),
                "",
                pseudo(
                    "The source of these pages and snippets you translate changed since "
                    "2026-12-01 08:00. Open each translation: the changed strings are "
                    "highlighted in the translation editor. Translate them and submit the "
                    "translation for review; the live translation keeps its text until a "
                    "reviewer approves."
                ),
                "",
                czech,
                f"- {TEXTS['Keeping current']['cs']} ({page_kind}): " + pseudo("2 strings changed"),
                f"  {BASE_URL}{reverse('wagtailadmin_pages:edit', args=[page.pk])}",
                f"- {SNIPPET_TEXTS['Sync test snippet']['cs']} ({topic_kind}): "
                + pseudo("1 string changed"),
                f"  {BASE_URL}{reverse('wagtailsnippets_home_topic:edit', args=[topic.pk])}",
                "",
                pseudo(
                    "Every translation and its status: "
                    "https://cms.example.org/admin/reports/translation-status/"
                ),
                "",
                pseudo(
                    "You receive this digest because you are a translator on "
                    "Czech–Ukrainian Digital Innovation."
                ),
                "",
            ]
        ),
    )
    # The English-preferring translators' emails have no Czech in them.
    assert not any(
        "[cs]" in subject + body
        for subject, body in (sent()[people["cs"].email], sent()[people["uk"].email])
    )
