"""What every public list's FilterSet shares (django-filter).

Every FilterSet built on ``ForgivingFilterSet`` is forgiving: a value that does not
parse, or a parameter the list does not have, is reported in words (``problems``,
which name the parameters the list accepts) and left out, and the rest of the filters
still apply. A visitor never gets a server error for what they typed. What answers
with the problems decides what to do with them: a page shows what it can with the
message (and HTTP 400); the API, exports, feeds and calendars answer 400 alone.
"""

import datetime

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from ctdialogue.output.dates import day_month_year
from ctdialogue.search.engine import matches
from ctdialogue.search.query import MAX_QUERY_LENGTH, parse_query
from ctdialogue.translations.registry import shown_order

YEAR_RANGE = (1900, 2100)


def published_choices(model, **lookups):
    """The choices of a filter: the published records of ``model`` (narrowed by
    ``lookups``), read each time a form is built. A queryset written in a FilterSet's
    body would be read once, at import, and keep that moment's idea of "now"."""

    def choices(request=None):
        queryset = model.objects.public()
        if lookups:
            queryset = queryset.filter(**lookups).distinct()
        return queryset

    return choices


#: Parameters that links from newsletters and social networks carry, which every list
#: ignores without a word (names, and prefixes of names).
TRACKING = frozenset({"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid"})
TRACKING_PREFIXES = ("utm_",)


def is_tracking(name: str) -> bool:
    return name in TRACKING or name.startswith(TRACKING_PREFIXES)


#: How every list page, the search, the API, exports, feeds and calendars begin their
#: answer to parameters they cannot use.
BAD_PARAMETERS = _("Some parameters could not be understood.")
#: The same, as the heading of a plain-text list of the problems.
BAD_PARAMETERS_HEADING = _("Some parameters could not be understood:")


def unknown_parameter(name: str, where: str, takes) -> str:
    """What to say of a parameter ``name`` that ``where`` ("this list", translated)
    does not take; ``takes``: the names it does take."""
    shown = name if len(name) <= 40 else name[:40] + "..."
    return gettext("“%(name)s” is not a parameter of %(where)s; it takes %(takes)s.") % {
        "name": shown,
        "where": where,
        "takes": ", ".join(takes) or pgettext("no parameters", "none"),
    }


class ForgivingFilterSet(django_filters.FilterSet):
    """Drops what cannot be used and says why, instead of failing."""

    #: Human names of the parameters, for messages and chips.
    labels: dict[str, str] = {}

    def __init__(self, data=None, *args, accepts: tuple[str, ...] = ("page",), **kwargs):
        """``accepts``: the parameters the reader of the list takes besides its filters
        (a page takes ``page``; the API also ``page_size``; an export none)."""
        self.rejected: list[str] = []
        self.accepts = tuple(accepts)
        names = list(data) if data is not None else []
        if data is not None:
            data = self._without_control_characters(data)
        super().__init__(data, *args, **kwargs)
        self._reject_unknown_names(names)

    @property
    def qs(self):
        """The filtered records, in their model's order by the texts as shown (French
        names on a French page), unless a filter ordered them otherwise."""
        if not hasattr(self, "_shown_qs"):
            queryset = super().qs
            if not queryset.query.order_by and queryset.query.default_ordering:
                model = queryset.model
                queryset = queryset.order_by(*shown_order(model, *model._meta.ordering))
            self._shown_qs = queryset
        return self._shown_qs

    @property
    def accepted(self) -> list[str]:
        """Every parameter name this list accepts, sorted."""
        return sorted({*self.filters, *self.accepts})

    def _reject_unknown_names(self, names):
        for name in names:
            if "\x00" in name:
                continue  # already refused, as a NUL character
            if name in self.filters or name in self.accepts or is_tracking(name):
                continue
            self.rejected.append(unknown_parameter(name, gettext("this list"), self.accepted))

    def _without_control_characters(self, data):
        clean = QueryDict(mutable=True)
        for key, values in data.lists():
            if "\x00" in key:
                self.rejected.append(
                    gettext("A parameter name contained a NUL character; it was ignored.")
                )
                continue
            kept = [value for value in values if "\x00" not in value]
            if len(kept) < len(values):
                label = self.labels.get(key, key)
                self.rejected.append(
                    gettext("%(label)s: the value contained a NUL character and was ignored.")
                    % {"label": label.capitalize()}
                )
            if kept:
                clean.setlist(key, kept)
        return clean

    def cleaned_values(self) -> dict:
        """The values that parsed; nothing for an unbound (unfiltered) request."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.form.cleaned_data

    @property
    def problems(self) -> list[str]:
        """What could not be understood, in words, for the page to show."""
        messages = list(self.rejected)
        if self.is_bound:
            for name, errors in self.errors.items():
                label = self.labels.get(name, name.replace("_", " "))
                for error in errors:
                    messages.append(
                        gettext("%(label)s: %(error)s")
                        % {"label": label.capitalize(), "error": error}
                    )
        return messages

    @property
    def notes(self) -> list[str]:
        """What the page should know about a well-formed request that finds nothing
        for a reason (a search of only common words)."""
        values = self.cleaned_values()
        return [
            note
            for name, field in self.filters.items()
            if isinstance(field, SearchFilter) and (note := no_words_note(values.get(name, "")))
        ]

    def active_filters(self):
        """Each filter value in use, with the query string that removes it."""
        chips = []
        for name, value in self.cleaned_values().items():
            if name == "sort" or value is None or value == "":
                continue
            items = list(value) if isinstance(value, list | tuple | QuerySet) else [value]
            chips.extend(self._chip(name, item) for item in items)
        return chips

    def _chip(self, name, item):
        data = self.data.copy()
        raw = self._raw_value(name, item)
        remaining = [v for v in data.getlist(name) if v != raw]
        if remaining:
            data.setlist(name, remaining)
        else:
            data.pop(name, None)
        data.pop("page", None)
        return {
            "name": name,
            "label": self.labels.get(name, name),
            "value": self._value_label(name, item),
            "remove_query": data.urlencode(),
        }

    def _raw_value(self, name, item):
        field = self.form.fields[name]
        to_field = getattr(field, "to_field_name", None)
        if to_field:
            return str(getattr(item, to_field))
        if isinstance(item, datetime.date):
            return item.isoformat()
        return str(item)

    def _value_label(self, name, item):
        if hasattr(item, "pk"):
            return str(item)
        field = self.form.fields[name]
        choices = dict(getattr(field, "choices", []) or [])
        if str(item) in choices:
            return str(choices[str(item)])
        if isinstance(item, datetime.date):
            return day_month_year(item)
        return str(item)


def _positive_year(value):
    if value is None:
        return value
    if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        raise forms.ValidationError(
            gettext("enter a year between %(first)s and %(last)s.")
            % {"first": YEAR_RANGE[0], "last": YEAR_RANGE[1]}
        )
    return value


class YearField(forms.IntegerField):
    default_error_messages = {"invalid": _("enter a year as four digits, such as 2018.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", []).append(_positive_year)
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "integer", "minimum": YEAR_RANGE[0], "maximum": YEAR_RANGE[1]})
class YearFilter(django_filters.NumberFilter):
    field_class = YearField


@extend_schema_field({"type": "integer", "minimum": 1})
class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number (a resolution's number): "2396", never "2396.5"."""

    field_class = forms.IntegerField


class SearchField(forms.CharField):
    """Free text in the site search's syntax. A query with nothing to look for (only
    very common words, or only words left out) is well formed: it finds nothing, and
    the page says why (``no_words_note``)."""


NO_WORDS = _(
    "“%(query)s” has no words to look for, so nothing matches: very common words such "
    "as “the” are ignored, and a word after a minus sign is one to leave out."
)


def no_words_note(query: str) -> str:
    """Why ``query`` finds nothing, if it is because it has no words to look for."""
    if query and not parse_query(query).is_searchable:
        return NO_WORDS % {"query": query}
    return ""


def search_filter(queryset, value: str):
    """``queryset`` narrowed by the site search's one matcher (ctdialogue.search); a
    query with nothing to look for matches nothing."""
    if not value:
        return queryset
    parsed = parse_query(value)
    if not parsed.is_searchable:
        return queryset.none()
    return queryset.filter(matches(queryset.model, parsed))


class SearchFilter(django_filters.CharFilter):
    """The ``q`` of a list: the same search as /search/, in the same syntax (quotes for
    a phrase, ``or``, a minus sign to leave a word out), over the model's search
    document."""

    field_class = SearchField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Text"))
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return search_filter(qs, value)


@extend_schema_field(OpenApiTypes.STR)  # the schema makes a repeatable parameter an array
class SlugChoicesFilter(django_filters.ModelMultipleChoiceFilter):
    """Several values by slug (any of them matches); an unknown slug is named in the
    message. Matches are found with a subquery, so the results need no DISTINCT
    (which on a wide table would compare every column of every row)."""

    def filter(self, qs, value):
        if not value:
            return qs
        slugs = [item.slug for item in value]
        matching = qs.model._base_manager.filter(**{f"{self.field_name}__in": slugs})
        return qs.filter(pk__in=matching.values("pk"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _("“%(value)s” is not one we know."),
                "invalid_pk_value": _("“%(pk)s” is not valid."),
            },
        )
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """One value by slug (documented as a string in the API schema)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)
