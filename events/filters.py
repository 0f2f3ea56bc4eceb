"""Filters for the dialogue's public lists (django-filter), and the facet counts
beside the events list. Built on ``ctdialogue.pages.filters.ForgivingFilterSet``:
a value that does not parse is reported in words, never a server error.
"""

from collections import Counter

import django_filters
from django import forms
from django.core.validators import EMPTY_VALUES
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from ctdialogue.pages.filters import (
    ForgivingFilterSet,
    SearchFilter,
    SlugChoiceFilter,
    SlugChoicesFilter,
    WholeNumberFilter,
    YearFilter,
    published_choices,
)
from ctdialogue.translations.registry import shown_order, text_columns

from .facets.counts import FacetCounts
from .facets.models import Facet
from .models import Event, EventSeries, Initiative, Organization, Person, Theme

#: The filters that are also facets: matched on the facet index when counting.
INDEXED = {"theme", "year", "country", "stakeholder", "organization", "initiative", "series"}


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
        "q": _("text"),
        "theme": _("theme"),
        "year": _("year"),
        "date_from": _("from"),
        "date_to": _("until"),
        "country": _("country"),
        "series": _("series"),
        "status": _("status"),
        "stakeholder": _("stakeholder kind"),
        "organization": _("organisation"),
        "initiative": _("initiative"),
        "resolution": _("resolution"),
        "sort": _("sort"),
    }

    q = SearchFilter(help_text=_("Words in the title, summary, place or what speakers said."))
    theme = SlugChoicesFilter(
        label=_("Themes"),
        field_name="themes__slug",
        queryset=published_choices(Theme),
        widget=forms.CheckboxSelectMultiple,
    )
    year = YearFilter(label=_("Year"), method="filter_year")
    date_from = django_filters.DateFilter(
        label=_("From"),
        method="filter_date_from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label=_("Until"),
        method="filter_date_to",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=list(countries))
    series = django_filters.ModelChoiceFilter(
        label=_("Series"), queryset=published_choices(EventSeries), to_field_name="slug"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Event.Status.choices)
    stakeholder = django_filters.ChoiceFilter(
        label=_("Stakeholder kind"),
        choices=Organization.Kind.choices,
        method="filter_stakeholder",
    )
    organization = SlugChoiceFilter(
        label=_("Organisation"),
        queryset=published_choices(Organization),
        method="filter_organization",
    )
    initiative = django_filters.ModelChoiceFilter(
        label=_("Initiative"),
        field_name="initiatives",
        queryset=published_choices(Initiative),
        to_field_name="slug",
    )
    resolution = WholeNumberFilter(
        label=_("Resolution number"), method="filter_resolution", min_value=1, max_value=99999
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"), choices=Sort.CHOICES, method="sort_events", empty_label=None
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
            return queryset.order_by(*shown_order(Event, "title", "start_date"))
        return queryset.newest_first()

    # --- facets -----------------------------------------------------------------
    # Counted from the facet index (``events.facets``), which assumes the filter set
    # narrows every public event, as the events list does.

    def _filtered(self, names):
        """The results with the current filters ``names`` applied."""
        queryset = self.queryset.all()
        for filter_name in names:
            queryset = self.filters[filter_name].filter(
                queryset, self.cleaned_values()[filter_name]
            )
        return queryset

    def _given_except(self, name) -> list[str]:
        return [
            filter_name
            for filter_name, value in self.cleaned_values().items()
            if filter_name not in (name, "sort") and _given(value)
        ]

    def _counts(self, name) -> Counter:
        """{value: events} for facet ``name`` with the other current filters."""
        if self._counted is None:
            self._counted = self._count_facets()
        return self._counted[name]

    _counted = None

    def _count_facets(self) -> dict[str, Counter]:
        """Every facet's counts: from the totals when nothing is filtered; else over the
        index rows of the events the filters select, the facet filters matched on the
        index, the rest on the events once. The facets nobody filters on share one
        query; a filtered facet, which leaves out its own filter, takes one more."""
        counts = FacetCounts()
        given = self._given_except("sort")
        chosen = {name: self._index_values(name) for name in given if name in INDEXED}
        ids = self._matching([name for name in given if name not in INDEXED])
        if ids is None and not chosen:
            return {facet: counts.over_all(facet) for facet in Facet.values}
        found = counts.over([f for f in Facet.values if f not in chosen], ids, chosen.items())
        for facet in chosen:
            others = [(name, values) for name, values in chosen.items() if name != facet]
            found[facet] = (
                counts.over_all(facet)
                if ids is None and not others
                else counts.over([facet], ids, others)[facet]
            )
        return found

    def _matching(self, names) -> list[int] | None:
        """The ids of the events the current filters ``names`` select, read once: every
        facet shares them (a text match is the costly one). None for no filter."""
        if not names:
            return None
        return list(self._filtered(names).order_by().values_list("pk", flat=True))

    def _index_values(self, name) -> list[str]:
        """A cleaned filter value as the index names it: ids, a year, a code, a kind."""
        value = self.cleaned_values()[name]
        values = value if isinstance(value, list | tuple | QuerySet) else [value]
        return [str(getattr(item, "pk", item)) for item in values]

    def facets(self):
        """For each facet, how many events each value would give with the other
        current filters: a few queries on the facet index (``_count_facets``)."""
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

    def _item(self, name, value, label, count):
        return {
            "value": value,
            "label": label,
            "count": count,
            "selected": value in self._selected(name),
        }

    def _theme_facet(self):
        counts = self._counts("theme")
        return [
            self._item("theme", theme.slug, theme.name, counts[str(theme.pk)])
            for theme in Theme.objects.public()
            .only(*text_columns(Theme, "pk", "slug", "name"))
            .order_by(*shown_order(Theme, "name"))
        ]

    def _year_facet(self):
        counts = self._counts("year")
        return [
            self._item("year", year, year, counts[year])
            for year in sorted(counts, key=int, reverse=True)
        ]

    def _country_facet(self):
        facet = [
            self._item("country", code, countries.name(code) or code, count)
            for code, count in self._counts("country").items()
        ]
        return sorted(facet, key=lambda item: item["label"])

    def _stakeholder_facet(self):
        counts = self._counts("stakeholder")
        return [
            self._item("stakeholder", value, label, counts[value])
            for value, label in Organization.Kind.choices
        ]

    def _top_facet(self, name, model):
        """The values of a long list (organisations, initiatives, series) that occur in
        the results, most frequent first (then by name), and the chosen one even if it
        does not."""
        counts = self._counts(name)
        ranked = counts.most_common()
        if len(ranked) > self.TOP_VALUES:
            # Names only for the values that can reach the top, ties at its end included.
            least = ranked[self.TOP_VALUES - 1][1]
            ranked = [(value, count) for value, count in ranked if count >= least]
        records = {
            str(pk): (slug, label)
            for pk, slug, label in model.objects.filter(
                pk__in=[int(value) for value, _ in ranked]
            ).values_list("pk", "slug", "name")
        }
        rows = sorted(
            ((*records[value], count) for value, count in ranked if value in records),
            key=lambda row: (-row[2], row[1]),
        )
        facet = [self._item(name, slug, label, count) for slug, label, count in rows]
        facet = facet[: self.TOP_VALUES]
        chosen = self.cleaned_values().get(name)
        if chosen is not None and not any(item["selected"] for item in facet):
            facet.insert(0, self._item(name, chosen.slug, str(chosen), 0))
        return facet

    def long_facets(self):
        """Organisation, initiative and series choices limited to the top values in the
        results: a select of thousands of names would help nobody."""
        return {
            "organization": self._top_facet("organization", Organization),
            "initiative": self._top_facet("initiative", Initiative),
            "series": self._top_facet("series", EventSeries),
        }


def _given(value) -> bool:
    """Whether a cleaned filter value narrows anything (as django-filter decides)."""
    if isinstance(value, QuerySet):
        return value.exists()
    return value not in EMPTY_VALUES


class InitiativeFilter(ForgivingFilterSet):
    labels = {"theme": _("theme"), "partner": _("partner"), "q": _("text")}

    q = SearchFilter()
    theme = SlugChoicesFilter(
        label=_("Themes"),
        field_name="themes__slug",
        queryset=published_choices(Theme),
        widget=forms.CheckboxSelectMultiple,
    )
    partner = SlugChoiceFilter(
        label=_("Partner"),
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
    labels = {"kind": _("kind"), "country": _("country"), "q": _("text")}

    q = SearchFilter()
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Organization.Kind.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=list(countries))

    class Meta:
        model = Organization
        fields = []


class PersonFilter(ForgivingFilterSet):
    labels = {"organization": _("organisation"), "q": _("text")}

    q = SearchFilter()
    organization = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=published_choices(Organization, people__isnull=False),
        to_field_name="slug",
    )

    class Meta:
        model = Person
        fields = []
