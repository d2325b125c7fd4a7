"""Rich text leaves the API cleaned with an allowlist (cms/sanitise.py), whoever wrote it: an
editor, a translator in wagtail-localize or a PO file. Plain-text fields are text: given exactly
as written, never escaped by the API (the frontend escapes them)."""

import polib
import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource

from cms.sanitise import clean_rich_text
from cms.translation.po_files import export, import_file
from home.models import StandardPage
from people.models import PersonPage

PAGE_BODY = """
query Body($path: String!) {
  page(path: $path) {
    title
    ... on StandardPage { intro body { ... on ParagraphBlock { html } } }
  }
}
"""
PERSON = """
query Person($path: String!) { person(path: $path) { name role biography } }
"""

# What an editor's rich-text features (and the API's own renderer) make: all of it stays.
GOOD = (
    "<h2>Programme</h2>"
    "<p>Read <b>this</b>, <i>that</i>, <strong>strong</strong> and <em>em</em>:<br>"
    '<a href="https://example.com/forum?day=1&amp;room=2">the forum site</a>, '
    '<a href="mailto:info@example.com">mail us</a> or '
    '<a href="tel:+420123456789">call us</a>.</p>'
    "<h3>Three</h3><h4>Four</h4>"
    "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
)


def memorandum():
    return Page.objects.get(url_path="/en/who-are-we/memorandum/")


@pytest.fixture
def references(db):
    """A page, a document and an image that stored rich text refers to by id."""
    document = Document.objects.create(
        title="Memorandum", file=ContentFile(b"%PDF-1.4\n", name="memorandum-sample.pdf")
    )
    image = Image.objects.get(title="Demo: Artificial Intelligence")
    return {"page": memorandum(), "document": document, "image": image}


def stored_with_attacks(refs) -> str:
    """Rich text as stored by Wagtail: the editor's markup and references, and attacks."""
    return (
        GOOD + f'<p>See <a linktype="page" id="{refs["page"].pk}">the memorandum</a> or '
        f'<a linktype="document" id="{refs["document"].pk}">its PDF</a>.</p>'
        f'<embed embedtype="image" id="{refs["image"].pk}" format="fullwidth" alt="A robot"/>'
        "<p>Hello<script>alert(document.cookie)</script> world</p>"
        '<p onclick="steal()" style="color:red" class="x">Click '
        '<a href="javascript:alert(1)">here</a> or '
        '<a href="JaVaScRiPt:alert(1)" onmouseover="steal()">here</a> or '
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">there</a> or '
        '<a href="//evil.example/">elsewhere</a>'
        '<img src=x onerror="alert(1)"><img src="data:image/png;base64,AAAA" alt="pixel"></p>'
        '<iframe src="https://evil.example/">framed</iframe>'
        "<style>body { display: none }</style>"
        '<div><span style="position:fixed">Unwrapped</span></div>'
        "<!-- a comment -->"
    )


def rendered_references(refs) -> str:
    """The references as the API renders them: paths, the file's URL, a rendition."""
    rendition = refs["image"].get_rendition("width-800")
    return (
        '<p>See <a href="/en/who-are-we/memorandum/">the memorandum</a> or '
        f'<a href="{refs["document"].url}">its PDF</a>.</p>'
        f'<img src="{rendition.url}" width="{rendition.width}" height="{rendition.height}" '
        'alt="A robot">'
    )


CLEANED_ATTACKS = (
    "<p>Hello world</p>"
    "<p>Click <a>here</a> or <a>here</a> or <a>there</a> or <a>elsewhere</a>"
    '<img><img alt="pixel"></p>'
    "Unwrapped"
)


def publish_standard_page(homes, body_html: str, **fields) -> StandardPage:
    page = StandardPage(
        title=fields.pop("title", "Safety"),
        slug=fields.pop("slug", "safety"),
        intro=fields.pop("intro", ""),
        body=[("paragraph", RichText(body_html))],
        **fields,
    )
    homes["en"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_paragraph_block_keeps_the_editors_markup_and_drops_the_rest(graphql, homes, references):
    publish_standard_page(homes, stored_with_attacks(references))
    page = graphql(PAGE_BODY, {"path": "/en/safety/"})["data"]["page"]
    assert page["body"] == [{"html": GOOD + rendered_references(references) + CLEANED_ATTACKS}]


def test_biography_keeps_the_editors_markup_and_drops_the_rest(graphql, references):
    person = PersonPage.objects.get(url_path="/en/ambassadors/jana-ukazkova-sample/")
    person.biography = stored_with_attacks(references)
    person.save_revision().publish()
    answer = graphql(PERSON, {"path": "/en/ambassadors/jana-ukazkova-sample/"})["data"]
    assert answer["person"]["biography"] == (
        GOOD + rendered_references(references) + CLEANED_ATTACKS
    )


def test_translation_imported_from_a_po_file_is_cleaned_too(
    graphql, homes, locales, tmp_path, django_capture_on_commit_callbacks
):
    """wagtail-localize refuses block tags and attributes in a translated string, but not a
    comment; `<!-->` ends a comment in a browser and not in Python's parser, so a PO file can
    slip a script into the stored translation. The API's cleaning removes it."""
    english = publish_standard_page(
        homes,
        '<p>Read <b>the</b> <a href="https://example.com/">site</a>.</p>',
        title="Links",
        slug="links",
        intro="Where to read more.",
    )
    source, _ = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(source=source, target_locale=locales["cs"])
    [path] = export([translation], tmp_path)
    po = polib.pofile(str(path))
    msgstrs = {
        "Links": 'Odkazy & "spol."',
        "links": "odkazy",
        "Where to read more.": "Kde číst <b>dál</b> & více.",
        'Read <b>the</b> <a id="a1">site</a>.': (
            "Přečtěte si <b>ten</b> <!--><script>alert(1)</script>--> "
            '<!--><img src=x onerror="alert(2)">--><a id="a1">web</a>.'
        ),
    }
    for entry in po:
        entry.msgstr = msgstrs[entry.msgid]
    po.save(str(path))
    _, warnings = import_file(path)
    assert warnings == []
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translation.save_target(publish=True)
    czech = StandardPage.objects.get(translation_key=english.translation_key, locale=locales["cs"])
    # The payload is in the database, as the PO file had it...
    assert czech.body.raw_data[0]["value"] == (
        "<p>Přečtěte si <b>ten</b> <!--><script>alert(1)</script>--> "
        '<!--><img src=x onerror="alert(2)">--><a href="https://example.com/">web</a>.</p>'
    )

    # ...and not in the API's answer. Plain-text fields come as wagtail-localize stored them:
    # text, with no markup and nothing escaped.
    page = graphql(PAGE_BODY, {"path": "/cs/odkazy/"})["data"]["page"]
    assert page == {
        "title": 'Odkazy & "spol."',
        "intro": "Kde číst dál & více.",
        "body": [
            {
                "html": "<p>Přečtěte si <b>ten</b> --&gt; <img>--&gt;"
                '<a href="https://example.com/">web</a>.</p>'
            }
        ],
    }


def test_plain_text_fields_are_text_given_exactly_as_written(graphql, homes):
    """Titles, intros and other plain-text fields are never HTML: the API neither cleans nor
    escapes them (JSON carries them as they are); the frontend escapes them when it renders."""
    title = 'Tom & Jerry <b>"quoted"</b> <script>alert(1)</script> &amp; 5 < 6'
    intro = "Fish & chips <i>tonight</i> — it's 1 < 2 > 0 &lt;b&gt;"
    publish_standard_page(homes, "<p>Body</p>", title=title, intro=intro, slug="plain")
    page = graphql(PAGE_BODY, {"path": "/en/plain/"})["data"]["page"]
    assert page == {"title": title, "intro": intro, "body": [{"html": "<p>Body</p>"}]}


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        ("", ""),
        ("plain text & more", "plain text &amp; more"),
        ('<a href="#programme">Programme</a>', '<a href="#programme">Programme</a>'),
        ('<a href="/documents/3/a%20b.pdf">PDF</a>', '<a href="/documents/3/a%20b.pdf">PDF</a>'),
        ('<a href="/\\evil.example/">x</a>', "<a>x</a>"),
        ('<a href="relative/path">x</a>', "<a>x</a>"),
        ('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"),
        ('<a href="ftp://example.com/">x</a>', "<a>x</a>"),
        (
            '<a href="https://example.com/" target="_blank" rel="opener">x</a>',
            '<a href="https://example.com/">x</a>',
        ),
        ("<svg><script>alert(1)</script></svg>after", "after"),
        ('<object data="x.swf">fallback</object>after', "after"),
        ("<h1>Title</h1><h5>Small</h5>", "TitleSmall"),
        ("<p>a<br/>b</p>", "<p>a<br>b</p>"),
        (
            '<img src="https://cdn.example.com/a.jpg" width="10" height="5" alt="">',
            '<img src="https://cdn.example.com/a.jpg" width="10" height="5" alt="">',
        ),
    ],
)
def test_the_allowlist(html, cleaned):
    assert clean_rich_text(html) == cleaned
