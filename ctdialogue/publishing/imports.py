"""What every bulk import shares (django-import-export): each confirmed import is a
version in the history, and a cell that names nothing is an error, never dropped.

Each row is validated like a form (``full_clean``), and a file with any invalid row
imports nothing. An import never publishes anything: the publication fields are not
part of any file.

Exports from the admin follow the public exports' rule against spreadsheet formulas
(``ctdialogue.output.exports.spreadsheet_cell``): a text cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a single quote before it, in CSV
and in Excel files; columns of numbers, dates and yes/no are left as they are. CSV
cells are all in double quotes. A file exported, edited and imported again keeps such
a quote in its text: remove it before importing.

Translations travel in the same files: after a record's own columns come its texts'
translations, language by language (``name_ar``, ``description_ar``, ..., ``name_es``).
An empty cell is no translation; a text in the record's own language is refused, as in
the admin (``ctdialogue.translations.registry``).
"""

import csv
from decimal import InvalidOperation

import reversion
import tablib
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext
from import_export import resources, widgets
from import_export.formats.base_formats import CSV
from import_export.results import RowResult

from ctdialogue.languages import language_name
from ctdialogue.output.exports import spreadsheet_cell
from ctdialogue.translations.registry import UN_CODES, column, column_language, translated_fields

#: Widgets of columns that hold numbers, dates or booleans, never formulas.
TYPED_WIDGETS = (
    widgets.NumberWidget,
    widgets.DateWidget,
    widgets.DateTimeWidget,
    widgets.TimeWidget,
    widgets.DurationWidget,
    widgets.BooleanWidget,
)


class WholeNumberWidget(widgets.IntegerWidget):
    """An integer column whose error says what was wrong with the value."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (InvalidOperation, ValueError) as error:
            raise ValueError(
                gettext("“%(value)s” is not a whole number.") % {"value": value}
            ) from error


class VersionedResource(resources.ModelResource):
    """A resource whose confirmed imports are recorded in the history, with the user
    and the file name, like any admin save. Empty cells in text columns are empty
    text (an empty Excel cell reads as None), and a number that is not one says so."""

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if isinstance(f, models.TextField):
            return widgets.CharWidget
        if isinstance(f, models.IntegerField) and not f.is_relation:
            return WholeNumberWidget
        return super().widget_from_django_field(f, default)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run", True) or result.has_errors() or result.has_validation_errors():
            return
        saved = [
            row.instance
            for row in result.rows
            if row.import_type in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE)
            and row.instance is not None
        ]
        if not saved:
            return
        with reversion.create_revision():
            reversion.set_user(kwargs.get("user"))
            reversion.set_comment(f"Imported from {kwargs.get('file_name') or 'a file'}.")
            for instance in saved:
                reversion.add_to_revision(instance)


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Linked records named by their slug or by their exact name (in any case),
    separated by ``separator``; a value that names nothing is a row error instead of
    being dropped without a word. Exports write slugs."""

    def __init__(self, model, *, name_field="name", separator=",", **kwargs):
        super().__init__(model, field="slug", separator=separator, **kwargs)
        self.name_field = name_field

    def clean(self, value, row=None, **kwargs):
        wanted = [item.strip() for item in str(value or "").split(self.separator) if item.strip()]
        found, missing = [], []
        for item in wanted:
            named = Q(slug=item) | Q(**{f"{self.name_field}__iexact": item})
            match = self.model._base_manager.filter(named).first()
            (found if match else missing).append(match or item)
        if missing:
            label = self.model._meta.verbose_name_plural
            raise ValueError(
                gettext(
                    "Unknown %(records)s: %(names)s. Name them by their exact name or their "
                    "slug, separated by “%(separator)s”."
                )
                % {"records": label, "names": ", ".join(missing), "separator": self.separator}
            )
        return self.model._base_manager.filter(pk__in=[obj.pk for obj in found])


def with_translations(model, fields: list[str]) -> list[str]:
    """``fields`` followed by the translation columns of those that are translated,
    language by language: a translator fills one block of columns."""
    translated = [name for name in fields if name in translated_fields(model)]
    return [*fields, *(column(name, code) for code in UN_CODES for name in translated)]


def column_guide(resource_class) -> list[tuple[str, str]]:
    """Each column an import reads, with what it holds: the field's help text or
    name, for links how to name the linked records, and for translations of what."""
    model = resource_class._meta.model
    return [(name, column_meaning(model, name)) for name in resource_class._meta.fields]


def column_meaning(model, name: str) -> str:
    field = model._meta.get_field(name)
    language = column_language(model, name)
    if language:
        original = model._meta.get_field(field.translated_field.name)
        return gettext(
            "%(field)s in %(language)s, translated from the original; empty where there "
            "is none, and for a record written in %(language)s."
        ) % {"field": capfirst(original.verbose_name), "language": language_name(language)}
    if field.many_to_many:
        return gettext("%(records)s, by exact name or slug, separated by commas.") % {
            "records": capfirst(field.related_model._meta.verbose_name_plural)
        }
    meaning = str(field.help_text or capfirst(field.verbose_name))
    if field.choices:
        values = ", ".join(str(value) for value, _label in field.choices)
        meaning += " " + gettext("One of: %(values)s.") % {"values": values}
    return meaning


# --- Exports --------------------------------------------------------------------


def typed_columns(resource) -> set[str]:
    """The export columns of ``resource`` that hold numbers, dates or booleans."""
    return {
        field.column_name
        for field in resource.get_export_fields()
        if isinstance(field.widget, TYPED_WIDGETS)
    }


def without_formulas(dataset: tablib.Dataset, typed: set[str]) -> tablib.Dataset:
    """``dataset`` with every text cell made safe for a spreadsheet; the ``typed``
    columns as they are."""
    keep = [header in typed for header in dataset.headers or ()]
    safe = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        safe.append(
            [cell if kept else spreadsheet_cell(cell) for cell, kept in zip(row, keep, strict=True)]
        )
    return safe


class QuotedCSV(CSV):
    """CSV with every text cell in double quotes (numbers as they are)."""

    def export_data(self, dataset, **kwargs):
        kwargs.setdefault("quoting", csv.QUOTE_NONNUMERIC)
        return super().export_data(dataset, **kwargs)
