"""The one HTML sanitiser of the site (stored rich text passes through it), and the
one way to turn rich text into plain text."""

import html
import re

import nh3

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "cite",
    "q",
    "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "q": {"cite"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Keep headings, paragraphs, lists, links, emphasis and quotations; drop the rest."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def plain_text(text: str) -> str:
    """Stored rich text as plain text: tags (and script content) dropped, entities
    decoded, white space collapsed. The result is not safe HTML until escaped."""
    text = nh3.clean((text or "").replace("<", " <"), tags=set())
    return " ".join(html.unescape(text).split())


# White space beside a block's tags: an editor's line breaks between paragraphs and
# list items, which no browser shows.
BESIDE_BLOCK_TAGS = re.compile(r"\s*(</?(?:p|h[2-4]|ul|ol|li|blockquote)>)\s*")
BLOCK_START = re.compile(r"<(?:p|h[2-4]|ul|ol|blockquote)>")


def rich_text_shown(text: str) -> str:
    """Stored rich text in the form that decides how it shows: without an editor's line
    breaks between blocks, and a text that does not start with a block as the paragraph
    an editor makes of it. Two texts that show alike have the same form."""
    text = BESIDE_BLOCK_TAGS.sub(r"\1", (text or "").strip())
    return text if not text or BLOCK_START.match(text) else f"<p>{text}</p>"
