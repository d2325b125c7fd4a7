"""PO round trip: every demo page with a rich-text body goes out and back unchanged, tags and
links intact; the management commands do the same for a locale's outdated items; removed strings
are reported."""

from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from cms.translation.po_files import TRANSLATION_ID, export, import_file
from events.models import EventPage


def rich_text_pages():
    pages = []
    for page in Page.objects.filter(locale__language_code="en").specific():
        body = getattr(page, "body", None)
        if body and any(block.block_type == "paragraph" for block in body):
            pages.append(page)
    return pages


def demo_outdated_keys(locales):
    """The demo's events whose Ukrainian translation is behind its source: outdated (B2B
    matchmaking) and in progress (the business mission)."""
    slugs = ["b2b-matchmaking-digital-innovation", "uca-business-mission-industry-4-0"]
    english = EventPage.objects.filter(locale=locales["en"], slug__in=slugs)
    return [event.translation_key for event in english]


def snapshot(locale_code):
    return dict(
        StringTranslation.objects.filter(locale__language_code=locale_code).values_list(
            "pk", "data"
        )
    )


@pytest.mark.parametrize("code", ["cs", "uk"])
def test_round_trip_changes_no_string(db, tmp_path, locales, code):
    # The demo's scheduled event is English only: it has nothing to export.
    pages = [page for page in rich_text_pages() if page.has_translation(locales[code])]
    assert len(pages) >= 3
    translations = list(
        Translation.objects.filter(
            source__object_id__in=[page.translation_key for page in pages],
            target_locale__language_code=code,
        )
    )
    assert len(translations) == len(pages)
    before = snapshot(code)
    files = export(translations, tmp_path)
    assert all(path.exists() for path in files)
    for path in files:
        translation, warnings = import_file(path)
        assert warnings == [], (path, warnings)
    assert snapshot(code) == before


def test_commands_export_outdated_and_import(db, tmp_path, locales):
    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    english.summary = "A changed English summary."
    english.save_revision().publish()

    call_command("export_translations", "--locale", "uk", "--outdated", "--out", str(tmp_path))
    files = {path.name: path for path in Path(tmp_path).rglob("*.po")}
    # With the demo's own outdated and in-progress translations.
    assert sorted(files) == sorted(
        f"eventpage-{key}.po" for key in (english.translation_key, *demo_outdated_keys(locales))
    )

    po = polib.pofile(str(files[f"eventpage-{english.translation_key}.po"]))
    assert po.metadata[TRANSLATION_ID]
    title = next(entry for entry in po if entry.msgid == "AI Forum CZ-UA 2024")
    title.msgstr = "AI-форум CZ-UA 2024 (агенція)"
    po.append(
        polib.POEntry(
            msgid="A sentence the source no longer has.", msgstr="Речення.", msgctxt="summary"
        )
    )
    po.save(str(files[f"eventpage-{english.translation_key}.po"]))

    from io import StringIO

    out = StringIO()
    call_command("import_translations", str(tmp_path), stdout=out)
    assert "no longer" in out.getvalue()
    assert StringTranslation.objects.filter(
        locale=locales["uk"], data="AI-форум CZ-UA 2024 (агенція)"
    ).exists()


def test_admin_po_zip_of_outdated_items_and_upload(client, locales):
    import io
    import zipfile

    from django.urls import reverse

    from tests.factories import UserFactory

    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    english.summary = "A changed English summary."
    english.save_revision().publish()
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    url = reverse("translation_status_report")
    response = client.get(url, {"status": "outdated", "export": "po"})
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    forum_file = f"uk/eventpage-{english.translation_key}.po"
    # With the demo's own outdated translation (B2B matchmaking).
    b2b = EventPage.objects.get(locale=locales["en"], slug="b2b-matchmaking-digital-innovation")
    assert sorted(archive.namelist()) == sorted(
        [forum_file, f"uk/eventpage-{b2b.translation_key}.po"]
    )

    po = polib.pofile(archive.read(forum_file).decode())
    # The PO file holds the source as last synced; the translator revises the title.
    entry = next(entry for entry in po if entry.msgid == "AI Forum CZ-UA 2024")
    entry.msgstr = "AI-форум CZ-UA 2024 (перевірено)"
    upload = io.BytesIO(str(po).encode())
    upload.name = "forum.po"
    response = client.post(reverse("translation_status_upload"), {"po": upload})
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=locales["uk"], data="AI-форум CZ-UA 2024 (перевірено)"
    ).exists()

    # A subtree: the English events index and everything below it, as a zip.
    events = EventPage.objects.get(pk=english.pk).get_parent()
    response = client.get(url, {"subtree": events.pk, "export": "po"})
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    # The index and the demo's 17 Ukrainian events (its scheduled event is English only).
    assert len(names) == 18 and all(name.startswith("uk/") for name in names)


def test_admin_po_upload_refused_for_another_locale(client, locales, tmp_path):
    import io

    from django.urls import reverse

    from tests.factories import UserFactory

    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locales["cs"]
    )
    po = translation.export_po()
    po.metadata[TRANSLATION_ID] = str(translation.uuid)
    for entry in po:
        entry.msgstr = "hacked"
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    upload = io.BytesIO(str(po).encode())
    upload.name = "cs.po"
    client.post(reverse("translation_status_upload"), {"po": upload})
    assert not StringTranslation.objects.filter(data="hacked").exists()


def test_round_trip_keeps_rich_text_tags_and_links(db, tmp_path, locales, homes):
    from wagtail_localize.models import StringSegment, TranslationSource

    from home.models import StandardPage

    memorandum = Page.objects.get(url_path="/en/who-are-we/memorandum/")
    english = homes["en"].add_child(
        instance=StandardPage(
            title="Links",
            slug="links",
            body=[
                (
                    "paragraph",
                    f'<p>Read <b>the</b> <a linktype="page" id="{memorandum.pk}">memorandum</a>'
                    ' or <a href="https://example.com/">the site</a>.</p>',
                )
            ],
        )
    )
    english.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(source=source, target_locale=locales["cs"])
    czech_words = {"Links": "Odkazy", "links": "odkazy", "Read": "Přečtěte si", " or ": " nebo "}
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        data = segment.string.data
        for english_word, czech_word in czech_words.items():
            data = data.replace(english_word, czech_word, 1)
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["cs"],
            context=segment.context,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    translation.save_target(publish=True)
    before = snapshot("cs")

    [path] = export([translation], tmp_path)
    paragraph = next(entry for entry in polib.pofile(str(path)) if entry.msgid.startswith("Read"))
    # Inline markup travels as wagtail-localize's placeholders, identical in both languages.
    assert (
        paragraph.msgid == 'Read <b>the</b> <a id="a1">memorandum</a> or <a id="a2">the site</a>.'
    )
    assert paragraph.msgstr == (
        'Přečtěte si <b>the</b> <a id="a1">memorandum</a> nebo <a id="a2">the site</a>.'
    )

    _, warnings = import_file(path)
    assert warnings == []
    assert snapshot("cs") == before
    translation.save_target(publish=True)
    czech = StandardPage.objects.get(translation_key=english.translation_key, locale=locales["cs"])
    assert czech.body.raw_data[0]["value"] == (
        f'<p>Přečtěte si <b>the</b> <a id="{memorandum.pk}" linktype="page">memorandum</a> nebo '
        '<a href="https://example.com/">the site</a>.</p>'
    )
