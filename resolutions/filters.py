import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

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
        "q": _("text"),
        "year": _("year"),
        "theme": _("theme"),
        "initiative": _("initiative"),
        "number": _("number"),
    }

    q = SearchFilter()
    number = django_filters.NumberFilter(
        label=_("Number"), field_name="number", min_value=1, max_value=99999
    )
    year = YearFilter(label=_("Year"), field_name="year")
    theme = SlugChoicesFilter(
        label=_("Themes"),
        field_name="themes__slug",
        queryset=published_choices(Theme),
        widget=forms.CheckboxSelectMultiple,
    )
    initiative = SlugChoicesFilter(
        label=_("Initiatives it recognises"),
        field_name="initiatives__slug",
        queryset=published_choices(Initiative),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Resolution
        fields = []
