"""The one block library every body on the site is built from.

Each block carries an icon, a help text and the fields an editor must fill in. wagtail-localize
extracts the text values of these blocks as translatable segments; images, documents, page links
and URLs stay synchronised with the source (a translator may override an image).
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


def optional_text(max_length: int, help_text: str) -> blocks.CharBlock:
    return blocks.CharBlock(required=False, max_length=max_length, help_text=help_text)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, help_text=_("The heading's text."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("Outline level: h2 for a section, h3 and h4 below it."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        help_text = _("A section heading inside the body.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        help_text = _("Running text; links to pages and documents follow the reader's locale.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(help_text=_("The picture."))
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_("Describes the picture for people who cannot see it. Required."),
    )
    caption = optional_text(250, _("Shown under the image."))
    credit = optional_text(120, _("Photographer or source."))

    class Meta:
        icon = "image"
        label = _("Image")
        help_text = _("An image with its alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text=_("The quoted words, without quotation marks."))
    attribution = optional_text(200, _("Who said it, and in which role."))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        help_text = _("A pull quote.")


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Embed")
        help_text = _("A link to a video or post (YouTube, Vimeo, …) that frontends embed.")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text=_("The button label, e.g. 'Register now'."))
    page = blocks.PageChooserBlock(
        required=False, help_text=_("A page of this site; the frontend links its translation.")
    )
    url = blocks.URLBlock(
        required=False, help_text=_("An external address, when no page is chosen.")
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        help_text = _("A prominent link to a page of this site or to an external address.")

    def clean(self, value):
        cleaned = super().clean(value)
        has_page, has_url = bool(cleaned.get("page")), bool(cleaned.get("url"))
        if has_page == has_url:
            message = _("Choose either a page or an external address (one of the two).")
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "url": ErrorList([ValidationError(message)]),
                }
            )
        return cleaned


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text=_("The file to download."))
    title = optional_text(200, _("Link text; the document's title when empty."))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        help_text = _("A link to download a document (PDF, presentation, …).")


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every page: the shared blocks, in any order."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()

    class Meta:
        help_text = _("Build the body from headings, paragraphs, images, quotes and links.")
