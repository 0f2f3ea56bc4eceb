"""Template tags of the dialogue's pages: an event's schema.org data, and the
contributions whose speaker may be named."""

from django import template

from events.feeds import event_json_ld as event_structured_data

register = template.Library()


@register.simple_tag
def event_json_ld(event):
    """schema.org data for ``event``: ``{% event_json_ld event as data %}``."""
    return event_structured_data(event)


@register.filter
def attributable(contributions):
    """The contributions whose speaker may be named: not those of an event or a
    session under the Chatham House rule."""
    return [contribution for contribution in contributions if contribution.is_attributable]
