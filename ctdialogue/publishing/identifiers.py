"""Permanent identifiers and former addresses.

Every public record has a UUID that never changes. Its slug may change; the
old slug is remembered so that old links redirect to the new address.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import SlugHistory


def remember_old_slug(instance, *, old_slug: str) -> None:
    """Record ``old_slug`` as a former address of ``instance`` (after a rename)."""
    if not old_slug or old_slug == instance.slug:
        return
    content_type = ContentType.objects.get_for_model(instance)
    with transaction.atomic():
        # The new slug is the current address now, never a redirect.
        SlugHistory.objects.filter(content_type=content_type, slug=instance.slug).delete()
        SlugHistory.objects.update_or_create(
            content_type=content_type, slug=old_slug, defaults={"object_id": instance.pk}
        )


def current_for_old_slug(queryset, slug: str):
    """The record of ``queryset`` that used to be at ``slug``, or None."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    history = SlugHistory.objects.filter(content_type=content_type, slug=slug).first()
    if history is None:
        return None
    return queryset.filter(pk=history.object_id).first()
