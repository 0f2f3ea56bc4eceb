"""Template tags for stored rich text and uploaded images.

``|sanitize`` renders rich text only after the allowlist sanitiser; ``{% picture %}``
draws a responsive image (``includes/_picture.html``).
"""

from django import template
from django.utils.safestring import mark_safe

from ctdialogue.safety.html import sanitize_html
from ctdialogue.safety.images import picture_for

register = template.Library()


@register.filter
def sanitize(value):
    """Render stored rich text after the allowlist sanitiser, never raw."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised just above


@register.inclusion_tag("includes/_picture.html")
def picture(  # noqa: PLR0913 - a template tag's options, all keyword-only
    image,
    renditions=None,
    *,
    alt="",
    decorative=False,
    width=None,
    height=None,
    sizes="100vw",
    css_class="",
    eager=False,
):
    """``{% picture photo.image photo.renditions alt=photo.alt_text width=photo.width
    height=photo.height sizes="(min-width: 40rem) 50vw, 100vw" %}``: an <img> with
    the renditions in srcset, its intrinsic size (no layout shift), lazy loading and
    an empty alt for a decorative image. ``eager=True`` for an image seen as the page
    opens (the first of a gallery, the photo of a photo's page): loaded at once."""
    return {
        "picture": picture_for(image, renditions, width, height),
        "alt": "" if decorative else alt,
        "sizes": sizes,
        "css_class": css_class,
        "eager": eager,
    }
