"""Template tags for uploaded media and attributed speech.

``{% picture %}`` draws a responsive image (``includes/_picture.html``);
``|attributable`` keeps the contributions that may be attributed to their speaker.
"""

from django import template

from events.images import picture_for

register = template.Library()


@register.inclusion_tag("includes/_picture.html")
def picture(
    image,
    renditions=None,
    *,
    alt="",
    decorative=False,
    width=None,
    height=None,
    sizes="100vw",
    css_class="",
):
    """``{% picture photo.image photo.renditions alt=photo.alt_text width=photo.width
    height=photo.height sizes="(min-width: 40rem) 50vw, 100vw" %}``: an <img> with
    the renditions in srcset, its intrinsic size (no layout shift), lazy loading and
    an empty alt for a decorative image."""
    return {
        "picture": picture_for(image, renditions, width, height),
        "alt": "" if decorative else alt,
        "sizes": sizes,
        "css_class": css_class,
    }


@register.filter
def attributable(contributions):
    """The contributions whose speaker may be named: not those of an event or a
    session under the Chatham House rule."""
    return [contribution for contribution in contributions if contribution.is_attributable]
