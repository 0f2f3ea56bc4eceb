"""Filters for the public lists (django-filter), and the facet counts beside them.

Every FilterSet here is forgiving: a value that does not parse is reported in
words (``problems``) and left out, and the rest of the filters still apply. A
visitor never gets a server error for what they typed.
"""

import datetime
import operator
from functools import reduce

import django_filters
from django import forms
from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.http import QueryDict
from django.utils import timezone
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .models import Event, EventSeries, Initiative, Organization, Participation, Person, Theme

MAX_QUERY_LENGTH = 200
YEAR_RANGE = (1900, 2100)


class ForgivingFilterSet(django_filters.FilterSet):
    """Drops what cannot be used and says why, instead of failing."""

    #: Human names of the parameters, for messages and chips.
    labels: dict[str, str] = {}

    def __init__(self, data=None, *args, **kwargs):
        self.rejected: list[str] = []
        if data is not None:
            data = self._without_control_characters(data)
        super().__init__(data, *args, **kwargs)

    def _without_control_characters(self, data):
        clean = QueryDict(mutable=True)
        for key, values in data.lists():
            if "\x00" in key:
                self.rejected.append("A parameter name contained a NUL character; it was ignored.")
                continue
            kept = [value for value in values if "\x00" not in value]
            if len(kept) < len(values):
                label = self.labels.get(key, key)
                self.rejected.append(
                    f"{label.capitalize()}: the value contained a NUL character and was ignored."
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
                    messages.append(f"{label.capitalize()}: {error}")
        return messages

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
            return f"{item.day} {item:%B %Y}"
        return str(item)


def _positive_year(value):
    if value is None:
        return value
    if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        raise forms.ValidationError(f"enter a year between {YEAR_RANGE[0]} and {YEAR_RANGE[1]}.")
    return value


class YearField(forms.IntegerField):
    default_error_messages = {"invalid": "enter a year as four digits, such as 2018."}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", []).append(_positive_year)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class WordsFilter(django_filters.CharFilter):
    """Free text: every word (up to twelve) must appear in one of ``fields``."""

    def __init__(self, *args, fields, **kwargs):
        self.search_fields = fields
        kwargs.setdefault("label", "Text")
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        words = (value or "").split()[:12]
        if not words:
            return qs
        condition = Q()
        for word in words:
            condition &= reduce(
                operator.or_, (Q(**{f"{name}__icontains": word}) for name in self.search_fields)
            )
        return qs.filter(condition)


@extend_schema_field({"type": "array", "items": {"type": "string"}})
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
                "invalid_choice": "“%(value)s” is not one we know.",
                "invalid_pk_value": "“%(pk)s” is not valid.",
            },
        )
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """One value by slug (documented as a string in the API schema)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class EventFilter(ForgivingFilterSet):
    TOP_VALUES = 50

    class Sort:
        NEWEST = "-date"
        OLDEST = "date"
        TITLE = "title"
        CHOICES = [
            ("-date", "Newest first"),
            ("date", "Oldest first"),
            ("title", "Title (A-Z)"),
        ]

    labels = {
        "q": "text",
        "theme": "theme",
        "year": "year",
        "date_from": "from",
        "date_to": "until",
        "country": "country",
        "series": "series",
        "status": "status",
        "stakeholder": "stakeholder kind",
        "organization": "organisation",
        "initiative": "initiative",
        "resolution": "resolution",
        "sort": "sort",
    }

    q = django_filters.CharFilter(
        label="Text",
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
        help_text="Words in the title, summary or place.",
    )
    theme = SlugChoicesFilter(
        label="Themes",
        field_name="themes__slug",
        queryset=Theme.objects.published(),
        widget=forms.CheckboxSelectMultiple,
    )
    year = YearFilter(label="Year", method="filter_year")
    date_from = django_filters.DateFilter(
        label="From",
        method="filter_date_from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label="Until",
        method="filter_date_to",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    country = django_filters.ChoiceFilter(label="Country", choices=list(countries))
    series = django_filters.ModelChoiceFilter(
        label="Series", queryset=EventSeries.objects.published(), to_field_name="slug"
    )
    status = django_filters.ChoiceFilter(label="Status", choices=Event.Status.choices)
    stakeholder = django_filters.ChoiceFilter(
        label="Stakeholder kind",
        choices=Organization.Kind.choices,
        method="filter_stakeholder",
    )
    organization = SlugChoiceFilter(
        label="Organisation",
        queryset=Organization.objects.published(),
        method="filter_organization",
    )
    initiative = django_filters.ModelChoiceFilter(
        label="Initiative",
        field_name="initiatives",
        queryset=Initiative.objects.published(),
        to_field_name="slug",
    )
    resolution = django_filters.NumberFilter(
        label="Resolution number", method="filter_resolution", min_value=1, max_value=99999
    )
    sort = django_filters.ChoiceFilter(
        label="Sort", choices=Sort.CHOICES, method="sort_events", empty_label=None
    )

    class Meta:
        model = Event
        fields = []

    # --- filter methods -------------------------------------------------------

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.search(value)

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(
            Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value)
        )

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(start_date__lte=value)

    def filter_stakeholder(self, queryset, name, value):
        return queryset.with_stakeholder_kind(value)

    def filter_organization(self, queryset, name, value):
        return queryset.filter(
            pk__in=Event.objects.filter(participations__organization=value).values("pk")
        )

    def filter_resolution(self, queryset, name, value):
        return queryset.filter(
            pk__in=Event.objects.filter(resolutions__number=int(value)).values("pk")
        )

    def sort_events(self, queryset, name, value):
        return queryset  # applied last, in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sort = self.form.cleaned_data.get("sort") or self.Sort.NEWEST
        if sort == self.Sort.OLDEST:
            return queryset.chronological()
        if sort == self.Sort.TITLE:
            return queryset.order_by("title", "start_date")
        return queryset.newest_first()

    # --- facets -----------------------------------------------------------------

    def queryset_without(self, name):
        """The results with every current filter applied except ``name``."""
        queryset = self.queryset.all()
        for filter_name, value in self.cleaned_values().items():
            if filter_name in (name, "sort"):
                continue
            queryset = self.filters[filter_name].filter(queryset, value)
        return queryset

    def facets(self):
        """For theme, year, country and stakeholder kind: how many events each
        value would give with the other current filters. One query per facet."""
        return {
            "theme": self._theme_facet(),
            "year": self._year_facet(),
            "country": self._country_facet(),
            "stakeholder": self._stakeholder_facet(),
            **self.long_facets(),
        }

    def _selected(self, name):
        if not self.is_bound:
            return []
        return [str(v) for v in self.data.getlist(name)]

    def _theme_facet(self):
        base = self.queryset_without("theme").values("pk")
        themes = (
            Theme.objects.published()
            .annotate(count=Count("events", filter=Q(events__in=base), distinct=True))
            .order_by("name")
        )
        selected = self._selected("theme")
        return [
            {"value": t.slug, "label": t.name, "count": t.count, "selected": t.slug in selected}
            for t in themes
        ]

    def _year_facet(self):
        base = self.queryset_without("year")
        bounds = base.aggregate(
            first=Min(ExtractYear("start_date")),
            last=Max(ExtractYear(Coalesce("end_date", "start_date"))),
        )
        if bounds["first"] is None:
            return []
        last = max(bounds["last"] or bounds["first"], bounds["first"])
        years = range(bounds["first"], last + 1)
        counts = base.aggregate(
            **{
                f"y{year}": Count(
                    "pk",
                    filter=Q(start_date__year__lte=year)
                    & (
                        Q(end_date__isnull=True, start_date__year=year)
                        | Q(end_date__year__gte=year)
                    ),
                )
                for year in years
            }
        )
        selected = self._selected("year")
        return [
            {
                "value": str(year),
                "label": str(year),
                "count": counts[f"y{year}"],
                "selected": str(year) in selected,
            }
            for year in reversed(years)
            if counts[f"y{year}"]
        ]

    def _country_facet(self):
        rows = (
            self.queryset_without("country")
            .exclude(country="")
            .order_by()
            .values("country")
            .annotate(count=Count("pk", distinct=True))
        )
        selected = self._selected("country")
        facet = [
            {
                "value": row["country"],
                "label": countries.name(row["country"]) or row["country"],
                "count": row["count"],
                "selected": row["country"] in selected,
            }
            for row in rows
        ]
        return sorted(facet, key=lambda item: item["label"])

    def _stakeholder_facet(self):
        base = self.queryset_without("stakeholder").values("pk")
        rows = (
            Participation.objects.filter(event__in=base)
            .annotate(group=Coalesce("organization__kind", "stakeholder_kind"))
            .order_by()
            .values("group")
            .annotate(count=Count("event_id", distinct=True))
        )
        counts = {row["group"]: row["count"] for row in rows}
        selected = self._selected("stakeholder")
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value in selected,
            }
            for value, label in Organization.Kind.choices
        ]

    def _top_facet(self, name, rows, *, value_key, label_key):
        """The values of a long list (organisations, initiatives, series) that occur in
        the results, most frequent first, and the chosen one even if it does not."""
        selected = self._selected(name)
        facet = [
            {
                "value": row[value_key],
                "label": row[label_key],
                "count": row["count"],
                "selected": row[value_key] in selected,
            }
            for row in rows[: self.TOP_VALUES]
        ]
        chosen = self.cleaned_values().get(name)
        if chosen is not None and not any(item["selected"] for item in facet):
            facet.insert(
                0, {"value": chosen.slug, "label": str(chosen), "count": 0, "selected": True}
            )
        return facet

    def long_facets(self):
        """Organisation, initiative and series choices limited to the top values in the
        results: a select of thousands of names would help nobody."""
        organizations = (
            Participation.objects.filter(
                event__in=self.queryset_without("organization").values("pk"),
                organization__publication_status=Organization.PublicationStatus.PUBLISHED,
                organization__publish_at__lte=timezone.now(),
            )
            .order_by()
            .values("organization__slug", "organization__name")
            .annotate(count=Count("event_id", distinct=True))
            .order_by("-count", "organization__name")
        )
        initiatives = (
            Initiative.objects.published()
            .filter(events__in=self.queryset_without("initiative").values("pk"))
            .order_by()
            .values("slug", "name")
            .annotate(count=Count("events", distinct=True))
            .order_by("-count", "name")
        )
        series = (
            self.queryset_without("series")
            .filter(
                series__publication_status=EventSeries.PublicationStatus.PUBLISHED,
                series__publish_at__lte=timezone.now(),
            )
            .order_by()
            .values("series__slug", "series__name")
            .annotate(count=Count("pk", distinct=True))
            .order_by("-count", "series__name")
        )
        return {
            "organization": self._top_facet(
                "organization",
                organizations,
                value_key="organization__slug",
                label_key="organization__name",
            ),
            "initiative": self._top_facet(
                "initiative", initiatives, value_key="slug", label_key="name"
            ),
            "series": self._top_facet(
                "series", series, value_key="series__slug", label_key="series__name"
            ),
        }


class InitiativeFilter(ForgivingFilterSet):
    labels = {"theme": "theme", "partner": "partner", "q": "text"}

    q = WordsFilter(fields=("name", "acronym", "summary"))
    theme = SlugChoicesFilter(
        label="Themes",
        field_name="themes__slug",
        queryset=Theme.objects.published(),
        widget=forms.CheckboxSelectMultiple,
    )
    partner = SlugChoiceFilter(
        label="Partner",
        queryset=Organization.objects.published()
        .filter(initiative_partnerships__isnull=False)
        .distinct(),
        to_field_name="slug",
        method="filter_partner",
    )

    class Meta:
        model = Initiative
        fields = []

    def filter_partner(self, queryset, name, value):
        return queryset.filter(
            pk__in=Initiative.objects.filter(partnerships__organization=value).values("pk")
        )


class OrganizationFilter(ForgivingFilterSet):
    labels = {"kind": "kind", "country": "country", "q": "text"}

    q = WordsFilter(fields=("name", "acronym"))
    kind = django_filters.ChoiceFilter(label="Kind", choices=Organization.Kind.choices)
    country = django_filters.ChoiceFilter(label="Country", choices=list(countries))

    class Meta:
        model = Organization
        fields = []


class PersonFilter(ForgivingFilterSet):
    labels = {"organization": "organisation", "q": "text"}

    q = WordsFilter(fields=("name", "position"))
    organization = django_filters.ModelChoiceFilter(
        label="Organisation",
        queryset=Organization.objects.published().filter(people__isnull=False).distinct(),
        to_field_name="slug",
    )

    class Meta:
        model = Person
        fields = []
