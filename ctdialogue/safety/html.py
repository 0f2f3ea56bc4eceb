"""The one HTML sanitiser of the site (stored rich text passes through it), and the
one way to turn rich text into plain text."""

import html

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
