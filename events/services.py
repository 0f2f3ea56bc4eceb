"""Writes with side effects on files: verb first, object first, the rest keyword-only."""

from django.core.files.storage import default_storage
from django.db import transaction

from .images import delete_renditions, make_renditions, planned_renditions
from .models import Organization, Person, Photo

# model -> (image field, field holding its renditions)
RENDITION_FIELDS = {
    Photo: ("image", "renditions"),
    Person: ("photo", "photo_renditions"),
    Organization: ("logo", "logo_renditions"),
}


def _source_width(obj, fieldfile) -> int:
    if isinstance(obj, Photo) and obj.width:
        return obj.width
    return fieldfile.width  # read from the file's header


def generate_renditions(obj, *, force: bool = False) -> dict[str, str]:
    """Make the smaller copies of ``obj``'s image that public pages offer in
    ``srcset`` (``settings.IMAGE_RENDITION_WIDTHS``, never wider than the image) and
    record them as {"480": "photos/.../name-480w.webp", ...}.

    Done once: when the recorded renditions are those of the current image and their
    files exist, nothing is written (unless ``force``). Copies of a replaced or
    removed image are deleted once the new state is committed.
    """
    image_field, renditions_field = RENDITION_FIELDS[type(obj)]
    fieldfile = getattr(obj, image_field)
    current = dict(getattr(obj, renditions_field) or {})
    planned = planned_renditions(fieldfile.name, _source_width(obj, fieldfile)) if fieldfile else {}
    up_to_date = current == planned and all(
        default_storage.exists(name) for name in planned.values()
    )
    if up_to_date and not force:
        return current

    with transaction.atomic():
        made = make_renditions(fieldfile) if fieldfile else {}
        setattr(obj, renditions_field, made)
        obj.full_clean()
        obj.save(update_fields=[renditions_field])
        stale = {key: name for key, name in current.items() if name not in made.values()}
        transaction.on_commit(lambda: delete_renditions(stale))
    return made
