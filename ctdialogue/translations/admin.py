"""Translations in the admin: below a record's own texts, a fieldset per other
language with the same texts, folded while it is empty. The original stays in the
record's fields (``title``), whatever language the admin is shown in."""

from django.conf import settings
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from ctdialogue.languages import language_name

from .registry import (
    UN_CODES,
    column,
    original_language,
    translated_fields,
    translation_columns,
)


class TranslationsAdminMixin:
    """For a ModelAdmin of a model with translated fields (``registry.register``)."""

    def get_fieldsets(self, request, obj=None):
        columns = set(translation_columns(self.model))
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in columns]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        shown = flatten_fieldsets(fieldsets)
        names = [name for name in translated_fields(self.model) if name in shown]
        translations = [self.translation_fieldset(obj, code, names) for code in UN_CODES]
        translations = [fieldset for fieldset in translations if fieldset[1]["fields"]]
        # Before the fieldset that says which language the record is written in.
        at = next(
            (
                at
                for at, (_name, options) in enumerate(fieldsets)
                if "language" in options["fields"]
            ),
            len(fieldsets),
        )
        return fieldsets[:at] + translations + fieldsets[at:]

    def translation_fieldset(self, obj, code: str, names: list[str]):
        fields = [
            column(name, code)
            for name in names
            if code != (original_language(obj, name) if obj else settings.LANGUAGE_CODE)
        ]
        written = obj is not None and any(getattr(obj, name) for name in fields)
        return (
            gettext("Translation into %(language)s") % {"language": language_name(code)},
            {
                "fields": fields,
                "classes": [] if written else ["collapse"],
                "description": gettext(
                    "Leave a text empty to show the original in its place. When the "
                    "original changes, check its translations."
                ),
            },
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        names = [name for name in translated_fields(self.model) if name in form.base_fields]

        class TranslationsForm(form):
            def clean(self):
                cleaned_data = super().clean()
                language = cleaned_data.get("language")
                for name in names if language else ():
                    if cleaned_data.get(column(name, language)):
                        self.add_error(
                            column(name, language),
                            ValidationError(
                                gettext(
                                    "The record is written in %(language)s: this text is "
                                    "its original. Write it in the record's own field above, "
                                    "or choose the language the record is written in."
                                )
                                % {"language": language_name(language)},
                                code="translation_into_original",
                            ),
                        )
                return cleaned_data

        TranslationsForm.__name__ = form.__name__
        return TranslationsForm
