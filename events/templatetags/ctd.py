from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from events.feeds import event_json_ld as event_structured_data
from events.feeds import json_for_script
from events.html import sanitize_html

register = template.Library()


@register.filter
def sanitize(value):
    """Render stored rich text after the allowlist sanitiser, never raw."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised just above


@register.filter
def json_ld(value):
    """``value`` as a JSON-LD script element. "<", ">" and "&" are written as
    \\u003C, \\u003E and \\u0026, so no text in the data can close the element."""
    script = f'<script type="application/ld+json">{json_for_script(value)}</script>'
    return mark_safe(script)  # noqa: S308 - json_for_script escapes <, > and &


@register.simple_tag
def event_json_ld(event):
    """schema.org data for ``event``: ``{% event_json_ld event as data %}``."""
    return event_structured_data(event, settings.SITE_URL)
