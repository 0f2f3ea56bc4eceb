import django_filters
from django import forms

from ctdialogue.pages.filters import (
    ForgivingFilterSet,
    SearchFilter,
    SlugChoicesFilter,
    YearFilter,
    published_choices,
)
from events.models import Initiative, Theme

from .models import Resolution


class ResolutionFilter(ForgivingFilterSet):
    labels = {
        "q": "text",
        "year": "year",
        "theme": "theme",
        "initiative": "initiative",
        "number": "number",
    }

    q = SearchFilter()
    number = django_filters.NumberFilter(
        label="Number", field_name="number", min_value=1, max_value=99999
    )
    year = YearFilter(label="Year", field_name="year")
    theme = SlugChoicesFilter(
        label="Themes",
        field_name="themes__slug",
        queryset=published_choices(Theme),
        widget=forms.CheckboxSelectMultiple,
    )
    initiative = SlugChoicesFilter(
        label="Initiatives it recognises",
        field_name="initiatives__slug",
        queryset=published_choices(Initiative),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Resolution
        fields = []
