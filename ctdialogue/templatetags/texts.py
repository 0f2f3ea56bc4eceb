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

from ctdialogue.languages import direction, is_page_language, text_language

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
