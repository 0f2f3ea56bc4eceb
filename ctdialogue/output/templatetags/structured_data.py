"""``|json_ld``: data for search engines and citation tools, safely inside a page;
``|absolute``: an address on the public site, for data read away from it;
``|webcal``: a calendar's address for subscribing to it."""

from django import template
from django.utils.safestring import mark_safe

from ctdialogue.output.addresses import absolute as absolute_url
from ctdialogue.output.feeds import json_for_script
from ctdialogue.output.feeds import webcal as webcal_url

register = template.Library()


@register.filter
def absolute(url: str) -> str:
    """``url`` on the public site; an absolute URL is kept."""
    return absolute_url(url) if url else ""


@register.filter
def webcal(url: str) -> str:
    """The webcal: address of the calendar at ``url``."""
    return webcal_url(url)


@register.filter
def json_ld(value):
    """``value`` as a JSON-LD script element. "<", ">" and "&" are written as
    \\u003C, \\u003E and \\u0026, so no text in the data can close the element."""
    script = f'<script type="application/ld+json">{json_for_script(value)}</script>'
    return mark_safe(script)  # noqa: S308 - json_for_script escapes <, > and &
