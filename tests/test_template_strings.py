"""Every English text a template shows is marked for translation (issue 12), so that a
translator sees it in the .po file and no page shows English in another language.

The check reads each template under templates/, removes what is not text (Django
comments, tags and variables, translated blocks, scripts, styles, code samples, HTML
tags and entities) and asserts that no letter is left, neither in the text nor in the
attributes a reader or a screen reader meets (alt, title, aria-label, placeholder, the
value of a button, the description of the page). Texts passed to an include or a
filter as a literal (``parent_label="Events"``) must be wrapped in ``_()``.
"""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"

#: Proper names that stay as they are in every language. 500.html and 503.html are
#: rendered without the site's context, so they write the site's name out.
PROPER_NAMES = ("Asia ICT and CT Dialogue",)

NOT_TEXT = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}", re.S),
    re.compile(r"<(script|style|code|pre)\b[^>]*>.*?</\1>", re.S),
]
DJANGO = re.compile(r"{%.*?%}|{{.*?}}", re.S)
TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&#?\w+;")
ATTRIBUTE = re.compile(r'\b(alt|title|aria-label|placeholder)="([^"]*)"')
SUBMIT_VALUE = re.compile(r'<input\b[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"')
META_TEXT = re.compile(
    r'<meta\b[^>]*(?:name="description"|property="[^"]*:alt")[^>]*content="([^"]*)"'
)
#: A literal handed to an include or used as a default, e.g. label="Year" or
#: default:"All editions" (wrapped, it reads label=_("Year")). A default that is one
#: word in lower case is a key (chart_id|default:"chart"), not text.
TAG_LITERAL = re.compile(
    r'\b(?:\w*(?:label|title|heading|hint)|any|current)="([^"]*)"'
    r'|\|default:"([^"]*(?:[A-Z ])[^"]*)"'
)
LETTER = re.compile(r"[^\W\d_]")


def untranslated(source: str) -> list[str]:
    """The pieces of English left in a template once translated text is taken out."""
    for pattern in NOT_TEXT:
        source = pattern.sub(" ", source)
    found = [
        literal
        for tag in re.findall(r"{%.*?%}|{{.*?}}", source, re.S)
        for groups in TAG_LITERAL.findall(tag)
        for literal in groups
        if LETTER.search(literal)
    ]
    for name in PROPER_NAMES:
        source = source.replace(name, " ")
    markup = DJANGO.sub(" ", source)
    found += [value for _, value in ATTRIBUTE.findall(markup) if LETTER.search(value)]
    found += [value for value in SUBMIT_VALUE.findall(markup) if LETTER.search(value)]
    found += [value for value in META_TEXT.findall(markup) if LETTER.search(value)]
    text = ENTITY.sub(" ", TAG.sub(" ", markup))
    found += [piece for piece in re.split(r"\s{2,}|\n", text) if LETTER.search(piece)]
    return [" ".join(piece.split()) for piece in found]


def test_the_check_finds_english_left_untranslated():
    source = (
        '{% load i18n %}<h1 title="Hello">Page not found</h1>\n'
        '{% comment %}A note{% endcomment %}<p>{% translate "Done" %}</p>\n'
        '<input type="submit" value="Send"><code>S/RES/2396</code>\n'
        "{% blocktranslate trimmed %}All {{ n }} events{% endblocktranslate %}\n"
        '{% include "x.html" with parent_label="Events" other=_("Fine") %}&rsaquo;\n'
        '<meta name="description" content="A site"><meta property="og:type" content="website">'
    )
    assert untranslated(source) == ["Events", "Hello", "Send", "A site", "Page not found"]


def test_every_template_marks_its_english_for_translation():
    offenders = {
        str(path.relative_to(TEMPLATES)): found
        for path in sorted(TEMPLATES.rglob("*.html"))
        if (found := untranslated(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_every_template_that_translates_loads_i18n():
    missing = [
        str(path.relative_to(TEMPLATES))
        for path in sorted(TEMPLATES.rglob("*.html"))
        if re.search(r"{%\s*(translate|blocktranslate)\b|_\(", path.read_text(encoding="utf-8"))
        and not re.search(r"{%\s*load\b[^%]*\bi18n\b", path.read_text(encoding="utf-8"))
    ]
    assert missing == []
