"""Record texts in templates, marked with their language where it is not the page's.

    <h1>{{ event|text:"title" }}</h1>
    <div class="prose"{{ series|text_attributes:"description" }}>...</div>

``text`` gives the value, escaped; in another language than the page's, inside
``<bdi lang="…">`` (isolated: its direction is its own). ``text_attributes`` gives
`` lang="…" dir="…"`` for an element that holds a block of such text (nothing when
the text is in the page's language). Never use either inside an attribute value.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, gettext

from ctdialogue.languages import direction, is_page_language, record_language, text_language

register = template.Library()

#: Languages that write the name of a language in lower case ("anglais"), where
#: Django's catalogues give it as a label ("Anglais").
LOWER_CASE_NAMES = {"fr", "es", "ru"}


@register.filter
def text(obj, field: str):
    value = getattr(obj, field, "")
    if value in (None, ""):
        return ""
    language = text_language(obj, field)
    if is_page_language(language):
        return format_html("{}", value)
    return format_html('<bdi lang="{}">{}</bdi>', language, value)


@register.filter
def text_attributes(obj, field: str):
    language = text_language(obj, field)
    if is_page_language(language):
        return ""
    return format_html(' lang="{}" dir="{}"', language, direction(language))


@register.simple_tag
def original_language_note(obj):
    """On a record's page in another language than the record's: a note that its texts
    are shown as they were written, in their language (not yet translated)."""
    if obj is None or not hasattr(obj, "language"):
        return ""
    language = record_language(obj)
    if is_page_language(language):
        return ""
    name = str(get_language_info(language.lower())["name_translated"])
    if get_language() in LOWER_CASE_NAMES:
        name = name.lower()
    note = gettext(
        "This record's texts are shown in the language they were written in (%(language)s): "
        "they have not been translated yet."
    ) % {"language": name}
    return format_html('<p class="notice notice--language" role="note">{}</p>', note)
