"""Which fields of which models are translated, and how a translated field reads.

``register(model, fields)`` is the one place that knows django-modeltranslation: it lets
the library add a column per language (``title_fr``) and then sets aside its
reading, writing and query rewriting (see the package's docstring for why).
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import NOT_PROVIDED, F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import get_language, gettext
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname

from . import sources

#: The six languages by the codes records use (UN codes: "zh" for Chinese).
UN_CODES = ("ar", "zh", "en", "fr", "ru", "es")
#: ... and by Django's codes, which name the columns (``title_zh_hans``).
DJANGO_CODES = {"zh": "zh-hans"}

_REGISTRY: dict[type, tuple[str, ...]] = {}
_VERBATIM: dict[type, tuple[str, ...]] = {}

# Whether ``record.title`` reads in the active language (while a page, a feed or an
# answer of the API is being made: ``middleware.py``) or as stored (everywhere else:
# the admin, forms, saving, validation, commands, history).
_SHOWING = ContextVar("showing_translations", default=False)


@contextmanager
def showing_translations(showing: bool = True):
    """Within it, translated fields read in the active language (or, with ``False``,
    as stored)."""
    token = _SHOWING.set(showing)
    try:
        yield
    finally:
        _SHOWING.reset(token)


def shown_while_iterating(items, language: str):
    """``items`` (a stream of an answer, read after the request) made in ``language``
    with translations shown, as the request would have; the switch is set only while
    each item is made, never between two."""
    iterator = iter(items)
    while True:
        with translation.override(language), showing_translations():
            item = next(iterator, _END)
        if item is _END:
            return
        yield item


_END = object()


def un_code(language: str | None = None) -> str:
    """The UN code of a language code as Django or HTML write it ("zh-hans" -> "zh"),
    by default the active language's; the original language for any other."""
    code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in UN_CODES else settings.LANGUAGE_CODE


def column(field: str, language: str) -> str:
    """The column of ``field``'s translation into ``language`` (a UN code): title_fr."""
    return build_localized_fieldname(field, DJANGO_CODES.get(language, language))


def translated_fields(model) -> tuple[str, ...]:
    """The translated fields of a model (or of a record's model), in declared order."""
    model = model if isinstance(model, type) else type(model)
    return _REGISTRY.get(model._meta.concrete_model, ())


def translation_columns(model) -> list[str]:
    """Every translation column of a model: name_ar, name_zh_hans, ..."""
    return translation_columns_of(model, translated_fields(model))


def column_language(model, name: str) -> str:
    """The language of a translation column ("fr" for title_fr); "" for other fields."""
    field = model._meta.get_field(name)
    if getattr(field, "translated_field", None) is None:
        return ""
    return un_code(field.language)


def stored(obj, name: str):
    """The value of field ``name`` as stored: the original of a translated text, not the
    text shown in the active language."""
    return obj._meta.get_field(name).value_from_object(obj)


def text_columns(model, *fields: str) -> list[str]:
    """``fields`` and what showing them needs, for ``only()``: each translated field's
    translation columns and the column of the original's language."""
    translated = [name for name in fields if name in translated_fields(model)]
    needed = [column(name, code) for name in translated for code in UN_CODES]
    concrete = {field.attname for field in model._meta.concrete_fields}
    needed += [
        language
        for language in ("language", *(f"{name}_language" for name in translated))
        if language in concrete
    ]
    return list(dict.fromkeys([*fields, *needed]))


def shown_order(model, *names: str) -> list:
    """The ordering ``names`` ("name", "-title") by the texts as shown: while showing
    translations, a translated field orders by its translation into the active language
    where it has one, else by its original, so a French list is in the order of the
    French names it shows. Elsewhere, ``names`` as given."""
    if not _SHOWING.get():
        return list(names)
    language = un_code()
    order = []
    for name in names:
        field = name.removeprefix("-")
        if field not in translated_fields(model):
            order.append(name)
            continue
        shown = Coalesce(NullIf(F(column(field, language)), Value("")), F(field))
        order.append(shown.desc() if name.startswith("-") else shown.asc())
    return order


def original_language(obj, field: str) -> str:
    """The language ``obj.<field>``'s original is written in (a UN code): the field's own
    (``quotation_language``), else the record's, else the record it is part of's."""
    declared = getattr(obj, f"{field}_language", "")
    if declared:
        return declared
    if any(f.name == "language" for f in obj._meta.concrete_fields):
        return obj.language or settings.LANGUAGE_CODE
    parent = getattr(type(obj), "part_of", "")
    if parent and getattr(obj, f"{parent}_id", None) is not None:
        return original_language(getattr(obj, parent), field)
    return settings.LANGUAGE_CODE


def shown_language(obj, field: str) -> str:
    """The language ``obj.<field>`` is shown in (on a page, in the active language). A
    text made of another (``full_name`` of ``name``) says so in ``text_sources``."""
    field = getattr(type(obj), "text_sources", {}).get(field, field)
    language = un_code()
    verbatim = _VERBATIM.get(type(obj)._meta.concrete_model, ())
    if _SHOWING.get() and field in translated_fields(obj) and field not in verbatim:
        original = original_language(obj, field)
        if language != original and getattr(obj, column(field, language), None):
            return language
        return original
    return original_language(obj, field)


def translation_of(obj, field: str) -> str:
    """While a page is made: the translation of ``obj.<field>`` into the page's language,
    if it has one and the original is in another; else ""."""
    language = un_code()
    if not _SHOWING.get() or original_language(obj, field) == language:
        return ""
    return getattr(obj, column(field, language), None) or ""


def pick_shown(original: str, translated: str | None, original_language: str, language: str):
    """(text, its language) for a text read as values: its translation into
    ``language`` (a UN code) if it has one, else its original."""
    if translated and language != original_language:
        return translated, language
    return original, original_language


class ShownText(DeferredAttribute):
    """``record.title``: while showing translations, the translation into the active
    language if there is one, else the original; otherwise the original. Assigning
    sets the original. (A data descriptor, so that reading always comes here, not
    straight from the instance's dictionary.)"""

    def __init__(self, field, language_attname: str = "", *, verbatim: bool = False):
        super().__init__(field)
        #: The column that holds the original's language, when the record has one.
        self.language_attname = language_attname
        #: Words quoted as they were said: always shown as said, a translation beside.
        self.verbatim = verbatim

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        original = self.original(instance)
        if self.verbatim or not _SHOWING.get():
            return original
        language = un_code()
        if instance.__dict__.get(self.language_attname) == language:
            return original  # the original's own language, known without a query
        translated = getattr(instance, column(self.field.attname, language), None)
        if translated and original_language(instance, self.field.attname) != language:
            return translated
        return original

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value

    def original(self, instance):
        """The original, loaded if it was deferred."""
        return super().__get__(instance, type(instance))


def register(model, fields: tuple[str, ...], *, verbatim: tuple[str, ...] = ()) -> None:
    """Give each of ``fields`` a translation column per language (the library's
    fields, so migrations and forms know them), reading as ``ShownText`` says, and
    leave the model's constructor, managers and validation as they were. ``verbatim``
    fields (a quotation) always read as written; ``translation_of`` gives their
    translation, to show beside them as one."""
    init = model.__dict__.get("__init__")
    clean_fields = model.__dict__.get("clean_fields")
    manager_classes = {manager.name: type(manager) for manager in model._meta.managers}
    options_class = model._meta.__class__
    translator.register(
        model, type(f"{model.__name__}Texts", (TranslationOptions,), {"fields": fields})
    )
    _restore(model, "__init__", init)
    _restore(model, "clean_fields", clean_fields)
    _guard_writing(model)
    for manager in model._meta.local_managers:
        manager.__class__ = manager_classes[manager.name]
    model._meta.__class__ = options_class
    model._meta._expire_cache()
    for name in translation_columns_of(model, fields):
        # A translation starts empty: the original's default ("Threats to ...") is
        # the original's, in its language.
        _without_default(model._meta.get_field(name))
    # Which original each translation was made from (sources.py).
    model.add_to_class(
        "translation_sources", models.JSONField(default=dict, blank=True, editable=False)
    )
    post_init.connect(_remember_translations, sender=model, weak=False)
    pre_save.connect(_stamp_translations, sender=model, weak=False)
    columns = {field.attname for field in model._meta.concrete_fields}
    for name in fields:
        field = model._meta.get_field(name)
        own = f"{name}_language"
        descriptor = ShownText(
            field,
            own if own in columns else "language" if "language" in columns else "",
            verbatim=name in verbatim,
        )
        setattr(model, name, descriptor)
        # Forms, history and serialisers read the original, not the shown text.
        field.value_from_object = descriptor.original
    _REGISTRY[model] = tuple(fields)
    _VERBATIM[model] = tuple(verbatim)


def _guard_writing(model) -> None:
    # Validating and saving read fields as stored, even while a page is being made
    # (a scheduled change applied on a visitor's request).
    model.full_clean = _as_stored(model.full_clean)
    model.save_base = _as_stored(model.save_base)
    # However a record is written (a form, an import), no translation into its own
    # language.
    model.clean = _refusing_translations_into_original(model.clean)


def translation_columns_of(model, fields) -> list[str]:
    return [column(name, code) for name in fields for code in UN_CODES]


def _without_default(field) -> None:
    field.default = NOT_PROVIDED
    deconstruct = field.deconstruct  # the library's copies the original's arguments

    def without_default():
        name, path, args, kwargs = deconstruct()
        kwargs.pop("default", None)
        return name, path, args, kwargs

    field.deconstruct = without_default


def columns_by_language(model, name: str) -> dict[str, str]:
    return {code: column(name, code) for code in UN_CODES}


def language_path(model, name: str) -> str:
    """The lookup of the language ``name``'s original is written in: the field's own,
    the record's, or the record it is part of's."""
    concrete = {field.attname for field in model._meta.concrete_fields}
    for own in (f"{name}_language", "language"):
        if own in concrete:
            return own
    parent = getattr(model, "part_of", "")
    return f"{parent}__language" if parent else ""


def translation_states(obj, language: str) -> dict[str, str]:
    """Each text of ``obj`` that has an original, and its translation into
    ``language``: current, out of date (its original changed since) or missing; none
    for the texts written in that language."""
    fields = [name for name in translated_fields(obj) if original_language(obj, name) != language]
    return sources.states(obj, fields, partial(columns_by_language, obj), language)


def missing_in(model, language: str) -> Q:
    """Records with an original text not translated into ``language``."""
    condition = Q(pk__in=[])
    for name in translated_fields(model):
        condition |= sources.missing_q([name], partial(columns_by_language, model), language) & ~Q(
            **{language_path(model, name): language}
        )
    return condition


def outdated_in(queryset, language: str):
    """The records of ``queryset`` with a translation into ``language`` made from an
    earlier version of its original."""
    fields = translated_fields(queryset.model)
    return queryset.alias(**sources.outdated_aliases(fields, language)).filter(
        sources.outdated_q(fields, partial(columns_by_language, queryset.model), language)
    )


def _remember_translations(sender, instance, **kwargs):
    instance._translations_as_loaded = {
        name: instance.__dict__.get(name) for name in translation_columns(sender)
    }


def _stamp_translations(sender, instance, **kwargs):
    sources.stamp(instance, translated_fields(sender), partial(columns_by_language, sender))
    _remember_translations(sender, instance)


def translations_into_original(obj) -> dict[str, str]:
    """{column: language} for each translation ``obj`` holds into the language its
    original is written in (``title_fr`` of a French record): a text with no place."""
    found = {}
    for name in translated_fields(obj):
        language = original_language(obj, name)
        if getattr(obj, column(name, language), None):
            found[column(name, language)] = language
    return found


def _refusing_translations_into_original(clean):
    @functools.wraps(clean)
    def refusing(self):
        # ctdialogue.languages builds on this module: imported when first needed.
        from ctdialogue.languages import language_name

        errors = {
            name: ValidationError(
                gettext(
                    "The record is written in %(language)s: this text is "
                    "its original. Write it in the record's own field above, "
                    "or choose the language the record is written in."
                )
                % {"language": language_name(language)},
                code="translation_into_original",
            )
            for name, language in translations_into_original(self).items()
        }
        try:
            clean(self)
        except ValidationError as error:
            raise ValidationError(error.update_error_dict(errors)) from None
        if errors:
            raise ValidationError(errors)

    return refusing


def _as_stored(method):
    @functools.wraps(method)
    def as_stored(self, *args, **kwargs):
        with showing_translations(False):
            return method(self, *args, **kwargs)

    return as_stored


def _restore(model, name: str, own) -> None:
    if own is None:
        delattr(model, name)
    else:
        setattr(model, name, own)
