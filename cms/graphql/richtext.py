"""Rich text for the public: Wagtail's stored HTML with every internal reference resolved.

- links to pages point at the page's `path` in the reader's locale; a link to a page the
  public cannot see loses its href (the text stays);
- links to documents point at the document's URL;
- embedded images become <img> with a rendition URL, width, height and alt text;
- the result is cleaned with the rich-text allowlist (cms/sanitise.py): whatever an editor, a
  translator or a PO file put into the stored HTML, no script, event handler, javascript: or
  data: URL, iframe or style reaches the frontend.
"""

from django.conf import settings
from django.utils.html import escape
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from cms.renditions import public_rendition
from cms.sanitise import clean_rich_text

from .pages import api_path
from .references import References

RICH_TEXT_IMAGE_SPEC = "width-800"


def collect_rich_text(html: str, refs: References):
    for match in FIND_A_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") == "page":
            refs.add_page(attrs.get("id"))
        elif attrs.get("linktype") == "document":
            refs.add_document(attrs.get("id"))
    for match in FIND_EMBED_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image":
            refs.add_image(attrs.get("id"))


def render_rich_text(html: str, refs: References) -> str:
    """Stored rich text as the public gets it: references resolved, then cleaned."""

    def link(match):
        attrs = extract_attrs(match.group(1))
        linktype = attrs.get("linktype")
        if linktype == "page":
            page = refs.page(attrs.get("id"))
            return f'<a href="{escape(api_path(refs.info, page))}">' if page else "<a>"
        if linktype == "document":
            document = refs.document(attrs.get("id"))
            return f'<a href="{escape(document.url)}">' if document else "<a>"
        return match.group(0)

    def embed(match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") != "image":
            return ""
        image = refs.image(attrs.get("id"))
        if image is None:
            return ""
        spec = RICH_TEXT_IMAGE_SPEC
        assert spec in settings.IMAGE_RENDITION_SPECS
        rendition = public_rendition(image, spec)
        alt = attrs.get("alt") or image.description or image.title
        return (
            f'<img src="{escape(rendition.url)}" width="{rendition.width}" '
            f'height="{rendition.height}" alt="{escape(alt)}">'
        )

    return clean_rich_text(FIND_EMBED_TAG.sub(embed, FIND_A_TAG.sub(link, html or "")))
