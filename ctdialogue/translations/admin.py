"""Translations in the admin: below a record's own texts, a fieldset per other
language with the same texts, folded while it is empty. The original stays in the
record's fields (``title``), whatever language the admin is shown in."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ctdialogue.languages import language_name

from .registry import (
    UN_CODES,
    column,
    missing_in,
    original_language,
    outdated_in,
    translated_fields,
    translation_columns,
    translation_states,
)
from .sources import OUTDATED, still_match


class TranslationFilter(admin.SimpleListFilter):
    """ "Not translated into French", "Translation into French out of date"."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code in UN_CODES:
            name = language_name(code)
            choices += [
                (
                    f"{code}-missing",
                    gettext("Not translated into %(language)s") % {"language": name},
                ),
                (
                    f"{code}-outdated",
                    gettext("Translation into %(language)s out of date") % {"language": name},
                ),
            ]
        return choices

    def queryset(self, request, queryset):
        code, _, state = (self.value() or "").partition("-")
        if code not in UN_CODES:
            return queryset
        if state == "missing":
            return queryset.filter(missing_in(queryset.model, code))
        if state == "outdated":
            return outdated_in(queryset, code)
        return queryset


class TranslationsAdminMixin:
    """For a ModelAdmin of a model with translated fields (``registry.register``)."""

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationFilter]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            action = TranslationsAdminMixin.translations_still_match
            actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions

    @admin.action(description=_("Mark their translations as up to date"))
    def translations_still_match(self, request, queryset):
        """After a change to an original that its translations need not follow (a typo):
        each translation counts as made from the original as it is now."""
        count = 0
        for obj in queryset:
            obj.translation_sources = still_match(obj)
            obj.save(update_fields=["translation_sources"])
            count += 1
        self.message_user(
            request,
            ngettext(
                "The translations of %(count)d record are marked as up to date.",
                "The translations of %(count)d records are marked as up to date.",
                count,
            )
            % {"count": count},
        )

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
        description = gettext(
            "Leave a text empty to show the original in its place. When the "
            "original changes, check its translations."
        )
        states = translation_states(obj, code) if obj is not None else {}
        outdated = [
            str(self.model._meta.get_field(name).verbose_name)
            for name, state in states.items()
            if state == OUTDATED and column(name, code) in fields
        ]
        if outdated:
            description = gettext(
                "Out of date: the original of %(fields)s changed after it was translated."
            ) % {"fields": ", ".join(outdated)}
        return (
            gettext("Translation into %(language)s") % {"language": language_name(code)},
            {
                "fields": fields,
                "classes": [] if written else ["collapse"],
                "description": description,
            },
        )
