"""What every bulk import shares (django-import-export): each confirmed import is a
version in the history, and a cell that names nothing is an error, never dropped.

Each row is validated like a form (``full_clean``), and a file with any invalid row
imports nothing. An import never publishes anything: the publication fields are not
part of any file.
"""

from decimal import InvalidOperation

import reversion
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
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
                f"Unknown {label}: {', '.join(missing)}. Name them by their exact name or "
                f"their slug, separated by “{self.separator}”."
            )
        return self.model._base_manager.filter(pk__in=[obj.pk for obj in found])


def column_guide(resource_class) -> list[tuple[str, str]]:
    """Each column an import reads, with what it holds: the field's help text or
    name, and for links how to name the linked records."""
    model = resource_class._meta.model
    guide = []
    for name in resource_class._meta.fields:
        field = model._meta.get_field(name)
        meaning = str(field.help_text or capfirst(field.verbose_name))
        if field.many_to_many:
            meaning = (
                f"{capfirst(field.related_model._meta.verbose_name_plural)}, by exact name "
                f"or slug, separated by commas."
            )
        elif field.choices:
            meaning += f" One of: {', '.join(str(value) for value, _label in field.choices)}."
        guide.append((name, meaning))
    return guide
