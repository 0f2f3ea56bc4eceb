"""Smaller copies of uploaded images, written once after the upload is saved."""

from django.core.files.storage import default_storage
from django.db import transaction

from .images import delete_renditions, make_renditions, planned_renditions


def _source_width(obj, fieldfile) -> int:
    width_field = getattr(fieldfile.field, "width_field", None)
    if width_field and getattr(obj, width_field, None):
        return getattr(obj, width_field)
    return fieldfile.width  # read from the file's header


def generate_renditions(
    obj, *, image_field: str, renditions_field: str, force: bool = False
) -> dict[str, str]:
    """Make the smaller copies of ``obj``'s image in ``image_field`` that public pages
    offer in ``srcset`` (``settings.IMAGE_RENDITION_WIDTHS``, never wider than the
    image) and record them in ``renditions_field`` as {"480": "photos/.../name-480w.webp"}.

    Done once: when the recorded renditions are those of the current image and their
    files exist, nothing is written (unless ``force``). Copies of a replaced or
    removed image are deleted once the new state is committed.
    """
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
