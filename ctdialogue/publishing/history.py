"""History of every content model, kept by django-reversion.

Every save through the admin (and every import and publishing action) stores a
version of the object, with who saved it and when. An event's version includes its
parts (speakers, participants, photos, documents) and an initiative's its partners,
so that restoring or recovering one brings its parts back as they were.

Each content app registers its models here (``register``), with the parts they
follow; this module records an object's last state before it is deleted, and
compares two versions field by field for the admin's diff page, the translations of
each language together (``change_groups``).
"""

import datetime
import difflib
import re
from dataclasses import dataclass

import reversion
from django.apps import apps
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from ctdialogue.languages import html_language, language_name
from ctdialogue.output.dates import day_month_year
from ctdialogue.safety.html import rich_text_shown
from ctdialogue.safety.richtext import is_rich_text
from ctdialogue.translations.registry import UN_CODES, column_language

from .models import DeletedLinks

# model -> the reverse relations whose rows are stored with (and restored with) it.
FOLLOWED: dict[type[models.Model], tuple[str, ...]] = {}


def register(model, *, follow=()):
    """Keep the history of ``model``; ``follow`` names the reverse relations whose rows
    (its parts) are stored and restored with it. Admin modules may be imported more than
    once: a model is registered once."""
    FOLLOWED[model] = tuple(follow)
    if not reversion.is_registered(model):
        reversion.register(model, follow=follow)


def record_before_deletion(objects, *, user):
    """Store the last state of ``objects`` (with the parts they follow, and the links
    other records have to them) as a revision.

    reversion only keeps versions of rows that still exist when a revision is saved,
    so this must run, and finish, before the rows are deleted: it cannot be part of a
    revision that is still open.
    """
    if reversion.is_active():
        raise RuntimeError("record_before_deletion() must run outside another revision.")
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment("Deleted.")
        for obj in objects:
            reversion.add_to_revision(obj)
        reversion.add_meta(DeletedLinks, links={key_of(obj): links_to(obj) for obj in objects})


def key_of(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def links_to(obj) -> dict[str, list]:
    """The records that link to ``obj`` through a many-to-many field of theirs (an
    event's ``themes`` for a theme), by "app.model.field": reversion stores a record's
    own links, not these. Links through a model of their own (an initiative's
    partners) are parts, and kept as such."""
    links = {}
    for relation in obj._meta.related_objects:
        if relation.many_to_many and relation.through._meta.auto_created:
            field = relation.field
            pks = list(getattr(obj, relation.get_accessor_name()).values_list("pk", flat=True))
            if pks:
                links[f"{field.model._meta.label_lower}.{field.name}"] = pks
    return links


def restore_links(revision) -> None:
    """Link the records of ``revision`` (deleted, now recovered) again with those that
    linked to them and still exist."""
    kept = DeletedLinks.objects.filter(revision=revision).first()
    for key, links in (kept.links if kept else {}).items():
        label, pk = key.rsplit(":", 1)
        obj = apps.get_model(label)._base_manager.filter(pk=pk).first()
        for path, pks in links.items() if obj else ():
            model_label, field_name = path.rsplit(".", 1)
            for other in apps.get_model(model_label)._base_manager.filter(pk__in=pks):
                getattr(other, field_name).add(obj)


def record_part_change(part, *, user, comment=""):
    """``part`` (a speech, a participation, a photo of an event: a record whose model
    names its whole in ``part_of``) was saved or deleted: the whole gets a new
    ``updated_at``, so a form of the whole opened before is refused (no lost update),
    and a version in its history, with its parts as they are now."""
    whole = getattr(part, part.part_of)
    type(whole)._base_manager.filter(pk=whole.pk).update(updated_at=timezone.now())
    whole.refresh_from_db()
    if reversion.is_active():
        reversion.add_to_revision(whole)
        return
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_to_revision(whole)


# --- Comparing two versions ----------------------------------------------------

# A word or a run of white space: a changed word is marked, not a changed line.
TOKENS = re.compile(r"\s+|\S+")


@dataclass
class FieldChange:
    label: str
    before: list[tuple[str, bool]]  # (text, changed) segments
    after: list[tuple[str, bool]]
    #: The language of a translation (a UN code); "" for the originals and other fields.
    language: str = ""


@dataclass
class ChangeGroup:
    language: str  # "" for the originals and other fields
    heading: str  # "Translation into French"; "" when it is the only group
    changes: list[FieldChange]

    @property
    def lang(self) -> str:
        """The ``lang`` of a translation's texts ("zh-Hans"); "" for the record's own."""
        return html_language(self.language) if self.language else ""


def change_groups(changes: list[FieldChange], language: str | None = None) -> list[ChangeGroup]:
    """``changes`` grouped by language: the record's own fields first, then the
    translations language by language; only ``language``'s, when given ("" for the
    record's own fields)."""
    groups = []
    for code in ("", *UN_CODES):
        chosen = [change for change in changes if change.language == code]
        if chosen and language in (None, code):
            heading = (
                gettext("Translation into %(language)s") % {"language": language_name(code)}
                if code
                else gettext("The record's own texts and fields")
            )
            groups.append(ChangeGroup(code, heading, chosen))
    if len(groups) == 1 and not groups[0].language:
        groups[0].heading = ""
    return groups


@dataclass
class PartChange:
    change: str  # "added", "removed" or "changed"
    label: str  # "Contribution"
    text: str  # what the row was called in the newer version (or the older one if removed)


def compared_fields(model) -> list[models.Field]:
    """The fields staff edit: stored fields and plain many-to-many links."""
    fields = [field for field in model._meta.concrete_fields if field.editable]
    fields += [
        field
        for field in model._meta.many_to_many
        if field.editable and field.remote_field.through._meta.auto_created
    ]
    return [field for field in fields if not field.primary_key]


def display_value(field, value) -> str:
    """A stored value as staff read it: labels for choices, names for links."""
    if value in (None, "", []):
        return ""
    if field.many_to_many:
        related = field.related_model._base_manager.filter(pk__in=value)
        names = {str(obj.pk): str(obj) for obj in related}
        return "; ".join(sorted(names.get(str(pk), f"#{pk} (deleted)") for pk in value))
    if field.many_to_one:
        obj = field.related_model._base_manager.filter(pk=value).first()
        return str(obj) if obj is not None else f"#{value} (deleted)"
    if field.choices:
        return str(dict(field.flatchoices).get(str(value), value))
    return _display_plain(value)


# How a stored value of each type reads, most specific type first.
PLAIN_DISPLAYS = (
    (bool, lambda value: "Yes" if value else "No"),
    (datetime.datetime, lambda value: format_datetime(value)),
    (datetime.date, lambda value: day_month_year(value)),
    (FieldFile, lambda value: value.name or ""),
)


def _display_plain(value) -> str:
    for kind, display in PLAIN_DISPLAYS:
        if isinstance(value, kind):
            return display(value)
    return str(value)


def version_token(value: datetime.datetime | None) -> str:
    """A record's ``updated_at`` as text for a form's hidden field: the version the
    form was loaded with, checked when it is saved (no lost updates)."""
    return value.astimezone(datetime.UTC).isoformat() if value else ""


def format_datetime(value: datetime.datetime) -> str:
    """ "24 January 2018, 09:30 (Asia/Bangkok)": always with the time zone's name."""
    local = timezone.localtime(value)
    return f"{date_format(local, 'DATETIME_FORMAT')} ({timezone.get_current_timezone_name()})"


def word_diff(before: str, after: str) -> tuple[list, list]:
    """Both texts as (text, changed) segments: removed words in ``before``, added
    words in ``after``."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    old_segments, new_segments = [], []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            old_segments.append(("".join(old[i1:i2]), changed))
        if j2 > j1:
            new_segments.append(("".join(new[j1:j2]), changed))
    return old_segments, new_segments


def _comparable(field, value):
    if field.many_to_many:
        return sorted(str(pk) for pk in value or [])
    if isinstance(value, FieldFile):
        return value.name
    if is_rich_text(field.model, field.name):
        # The editor's own line breaks and paragraph are no change anyone would see.
        return rich_text_shown(value)
    return value


def field_changes(model, old_values: dict, new_values: dict) -> list[FieldChange]:
    changes = []
    for field in compared_fields(model):
        if field.attname not in old_values and field.attname not in new_values:
            continue
        old_value, new_value = old_values.get(field.attname), new_values.get(field.attname)
        if _comparable(field, old_value) == _comparable(field, new_value):
            continue
        old_text, new_text = display_value(field, old_value), display_value(field, new_value)
        if old_text == new_text:
            continue  # e.g. seconds dropped from a time by a form: nothing staff can see
        before, after = word_diff(old_text, new_text)
        language = column_language(model, field.name) if not field.many_to_many else ""
        # Under the heading of its language, a translation goes by its original's name.
        named = model._meta.get_field(field.translated_field.name) if language else field
        changes.append(FieldChange(capfirst(named.verbose_name), before, after, language))
    return changes


def _parts(version) -> dict:
    """The followed rows stored with ``version``: {(model, id): (name, values)}."""
    model = version._model
    pk = str(version.object_id)
    parts = {}
    for relation_name in FOLLOWED.get(model, ()):
        relation = model._meta.get_field(relation_name)
        fk_attname = relation.field.attname
        for part in version.revision.version_set.filter(
            content_type__app_label=relation.related_model._meta.app_label,
            content_type__model=relation.related_model._meta.model_name,
        ):
            values = part.field_dict
            if str(values.get(fk_attname)) == pk:
                parts[(relation.related_model, part.object_id)] = (part.object_repr, values)
    return parts


def part_changes(old_parts: dict, new_parts: dict) -> list[PartChange]:
    changes = []
    for key in sorted(old_parts.keys() | new_parts.keys(), key=lambda k: (k[0].__name__, k[1])):
        label = capfirst(key[0]._meta.verbose_name)
        if key not in old_parts:
            changes.append(PartChange("added", label, new_parts[key][0]))
        elif key not in new_parts:
            changes.append(PartChange("removed", label, old_parts[key][0]))
        elif _part_values(key[0], old_parts[key][1]) != _part_values(key[0], new_parts[key][1]):
            changes.append(PartChange("changed", label, new_parts[key][0]))
    return changes


def _part_values(model, values: dict) -> dict:
    return {
        field.attname: _comparable(field, values.get(field.attname))
        for field in compared_fields(model)
    }


def compare(old, new) -> tuple[list[FieldChange], list[PartChange]]:
    """What changed from version ``old`` to version ``new`` of the same object."""
    model = new._model
    return (
        field_changes(model, old.field_dict, new.field_dict),
        part_changes(_parts(old), _parts(new)),
    )


def _values(obj) -> dict:
    values = {}
    for field in compared_fields(type(obj)):
        if field.many_to_many:
            values[field.attname] = list(getattr(obj, field.name).values_list("pk", flat=True))
        else:
            values[field.attname] = field.value_from_object(obj)
    return values


def snapshot(obj) -> dict:
    """``obj`` as it is stored now, in the terms ``compare_snapshots`` reads: its
    values and those of the parts it follows."""
    model = type(obj)
    obj = model._base_manager.get(pk=obj.pk)
    parts = {
        (type(part), str(part.pk)): (str(part), _values(part))
        for relation in FOLLOWED.get(model, ())
        for part in getattr(obj, relation).all()
    }
    return {"model": model, "values": _values(obj), "parts": parts}


def compare_snapshots(old: dict, new: dict) -> tuple[list[FieldChange], list[PartChange]]:
    return (
        field_changes(new["model"], old["values"], new["values"]),
        part_changes(old["parts"], new["parts"]),
    )
