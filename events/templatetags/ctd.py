from django import template
from django.utils.safestring import mark_safe

from events.html import sanitize_html

register = template.Library()


@register.filter
def sanitize(value):
    """Render stored rich text after the allowlist sanitiser, never raw."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised just above
