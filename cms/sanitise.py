"""Rich text as the public gets it: HTML cleaned with an allowlist (nh3), whoever wrote it.

Editors, translators and PO files all end up in the same stored HTML, and a frontend inserts
what the API gives as HTML. So every rich text the API hands out goes through `clean_rich_text`,
which keeps what the editors' rich-text features produce (cms.blocks.RICH_TEXT_FEATURES) and what
the API's renderer adds (cms/graphql/richtext.py), and drops everything else:

- tags: p, h2, h3, h4, b, strong, i, em, ul, ol, li, a, br, img; other tags go and their text
  stays; script, style, iframe, object, embed, svg, math, template, noscript and similar go with
  their content;
- attributes: href on a, and src, width, height and alt on img; nothing else (no on… event
  handlers, style, class, id, target or rel);
- URLs (href, src): http, https, mailto and tel, paths on this site ("/en/events/…",
  "/documents/…", "/media/…") and "#fragment" links; javascript:, data:, vbscript: and every
  other scheme, protocol-relative "//host" and other relative URLs lose the attribute (the link
  text stays);
- comments go.

Plain-text fields (titles, summaries, names, intros, captions, alt texts) are never HTML and do
not go through here: they are given as written, and the frontend escapes them like any text.
"""

import re

import nh3

RICH_TEXT_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "ul", "ol", "li", "a", "br", "img"}
)
RICH_TEXT_ATTRIBUTES = {"a": {"href"}, "img": {"src", "width", "height", "alt"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Dropped with everything inside them; any other tag outside the allowlist loses only its tags.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "template",
        "noscript",
        "noembed",
        "noframes",
        "xmp",
        "plaintext",
        "textarea",
        "select",
        "title",
    }
)
# A path on this site or a fragment: "/…" (not "//…" or "/\…", which browsers read as another
# host) or "#…", without backslashes or control characters.
SITE_RELATIVE_URL = re.compile(r"(?:/(?![/\\])|#)[^\\\x00-\x1f\x7f]*")


def _relative_url(url: str) -> str | None:
    """nh3 asks about every URL without a scheme: keep paths on this site, drop the rest."""
    return url if SITE_RELATIVE_URL.fullmatch(url) else None


_cleaner = nh3.Cleaner(
    tags=set(RICH_TEXT_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in RICH_TEXT_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    url_relative=_relative_url,
    # Links stay as the editor made them: no rel="noopener noreferrer" added.
    link_rel=None,
    strip_comments=True,
)


def clean_rich_text(html: str) -> str:
    """`html` with only the allowlisted tags, attributes and URLs left (see the module's doc)."""
    if not html:
        return ""
    return _cleaner.clean(html)
