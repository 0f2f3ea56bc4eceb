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
from django.utils.translation import gettext

from ctdialogue.languages import (
    direction,
    is_page_language,
    language_name,
    record_language,
    text_language,
)
from ctdialogue.translations.registry import translated_fields, translation_of

register = template.Library()


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
def quotation_translation(obj, field: str = "quotation"):
    """Below words quoted as they were said: their translation into the page's language,
    marked as ours, when there is one."""
    translated = translation_of(obj, field)
    if not translated:
        return ""
    return format_html(
        '<p class="quote__translation"><span class="muted">{}</span> {}</p>',
        gettext("Our translation:"),
        translated,
    )


@register.simple_tag
def original_language_note(obj):
    """On a record's page in another language than the record's: a note that its texts,
    or those not yet translated, are shown as they were written, in their language."""
    if obj is None or not hasattr(obj, "language"):
        return ""
    if is_page_language(record_language(obj)):
        return ""
    written = [name for name in translated_fields(obj) if obj.__dict__.get(name)]
    shown = {is_page_language(text_language(obj, name)) for name in written}
    if True not in shown:
        note = gettext(
            "This record's texts are shown in the language they were written in "
            "(%(language)s): they have not been translated yet."
        )
    elif False in shown:
        note = gettext(
            "Some of this record's texts have not been translated yet: they are shown in "
            "the language they were written in (%(language)s)."
        )
    else:
        return ""
    note %= {"language": language_name(obj.language)}
    return format_html('<p class="notice notice--language" role="note">{}</p>', note)
