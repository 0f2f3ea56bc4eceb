"""What every bulk import shares (django-import-export): each confirmed import is a
version in the history, and a cell that names nothing is an error, never dropped.

Each row is validated like a form (``full_clean``), and a file with any invalid row
imports nothing. An import never publishes anything: the publication fields are not
part of any file.
"""

from decimal import InvalidOperation

import reversion
from django.db import models
from import_export import resources, widgets
from import_export.results import RowResult


class WholeNumberWidget(widgets.IntegerWidget):
    """An integer column whose error says what was wrong with the value."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (InvalidOperation, ValueError) as error:
            raise ValueError(f"“{value}” is not a whole number.") from error


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
    """Like ``ManyToManyWidget``, but a value that names nothing is a row error
    instead of being dropped without a word."""

    def clean(self, value, row=None, **kwargs):
        objects = super().clean(value, row, **kwargs)
        if not value:
            return objects
        wanted = {str(item).strip() for item in str(value).split(self.separator) if item.strip()}
        found = {str(getattr(obj, self.field)) for obj in objects}
        missing = sorted(wanted - found)
        if missing:
            label = self.model._meta.verbose_name_plural
            raise ValueError(f"Unknown {label}: {', '.join(missing)}.")
        return objects
