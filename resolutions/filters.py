import django_filters
from django import forms
from django.db.models import Q

from events.filters import MAX_QUERY_LENGTH, ForgivingFilterSet, SlugChoicesFilter, YearFilter
from events.models import Theme

from .models import Resolution


class ResolutionFilter(ForgivingFilterSet):
    labels = {"q": "text", "year": "year", "theme": "theme", "number": "number"}

    q = django_filters.CharFilter(label="Text", method="filter_text", max_length=MAX_QUERY_LENGTH)
    number = django_filters.NumberFilter(
        label="Number", field_name="number", min_value=1, max_value=99999
    )
    year = YearFilter(label="Year", field_name="year")
    theme = SlugChoicesFilter(
        label="Themes",
        field_name="themes__slug",
        queryset=Theme.objects.published(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )

    class Meta:
        model = Resolution
        fields = []

    def filter_text(self, queryset, name, value):
        condition = Q()
        for word in value.split()[:12]:
            condition &= (
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(agenda_item__icontains=word)
            )
        return queryset.filter(condition)
