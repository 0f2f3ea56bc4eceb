"""Filters for the dialogue's public lists (django-filter), and the facet counts
beside the events list. Built on ``ctdialogue.pages.filters.ForgivingFilterSet``:
a value that does not parse is reported in words, never a server error.
"""

import django_filters
from django import forms
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Coalesce, ExtractYear
from django_countries import countries

from ctdialogue.pages.filters import (
    ForgivingFilterSet,
    SearchFilter,
    SlugChoiceFilter,
    SlugChoicesFilter,
    YearFilter,
    published_choices,
)
from ctdialogue.publishing.models import published_q

from .models import Event, EventSeries, Initiative, Organization, Participation, Person, Theme


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

    q = SearchFilter(help_text="Words in the title, summary, place or what speakers said.")
    theme = SlugChoicesFilter(
        label="Themes",
        field_name="themes__slug",
        queryset=published_choices(Theme),
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
        label="Series", queryset=published_choices(EventSeries), to_field_name="slug"
    )
    status = django_filters.ChoiceFilter(label="Status", choices=Event.Status.choices)
    stakeholder = django_filters.ChoiceFilter(
        label="Stakeholder kind",
        choices=Organization.Kind.choices,
        method="filter_stakeholder",
    )
    organization = SlugChoiceFilter(
        label="Organisation",
        queryset=published_choices(Organization),
        method="filter_organization",
    )
    initiative = django_filters.ModelChoiceFilter(
        label="Initiative",
        field_name="initiatives",
        queryset=published_choices(Initiative),
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
            Theme.objects.public()
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
            Participation.objects.public()
            .filter(event__in=base)
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
            Participation.objects.public()
            .filter(
                event__in=self.queryset_without("organization").values("pk"),
                organization__isnull=False,
            )
            .order_by()
            .values("organization__slug", "organization__name")
            .annotate(count=Count("event_id", distinct=True))
            .order_by("-count", "organization__name")
        )
        initiatives = (
            Initiative.objects.public()
            .filter(events__in=self.queryset_without("initiative").values("pk"))
            .order_by()
            .values("slug", "name")
            .annotate(count=Count("events", distinct=True))
            .order_by("-count", "name")
        )
        series = (
            self.queryset_without("series")
            .filter(published_q("series__"))
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

    q = SearchFilter()
    theme = SlugChoicesFilter(
        label="Themes",
        field_name="themes__slug",
        queryset=published_choices(Theme),
        widget=forms.CheckboxSelectMultiple,
    )
    partner = SlugChoiceFilter(
        label="Partner",
        queryset=published_choices(Organization, initiative_partnerships__isnull=False),
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

    q = SearchFilter()
    kind = django_filters.ChoiceFilter(label="Kind", choices=Organization.Kind.choices)
    country = django_filters.ChoiceFilter(label="Country", choices=list(countries))

    class Meta:
        model = Organization
        fields = []


class PersonFilter(ForgivingFilterSet):
    labels = {"organization": "organisation", "q": "text"}

    q = SearchFilter()
    organization = django_filters.ModelChoiceFilter(
        label="Organisation",
        queryset=published_choices(Organization, people__isnull=False),
        to_field_name="slug",
    )

    class Meta:
        model = Person
        fields = []
