from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView
from django_filters.views import FilterView

from ctdialogue.output.citations import CitationMixin
from ctdialogue.pages.views import FilteredListMixin
from ctdialogue.publishing.views import PublishedDetailMixin

from .citations import resolution_citation
from .filters import ResolutionFilter
from .framework import framework_timeline, neighbourhood_timeline
from .models import Resolution


class ResolutionListView(FilteredListMixin, FilterView):
    list_noun = "resolution"
    filterset_class = ResolutionFilter
    export_url_name = "resolutions:resolution-export"
    template_name = "resolutions/resolution_list.html"
    context_object_name = "resolutions"
    paginate_by = 50

    def get_queryset(self):
        return Resolution.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["framework"] = framework_timeline()
        return context


class ResolutionDetailView(CitationMixin, PublishedDetailMixin, DetailView):
    model = Resolution
    build_citation = staticmethod(resolution_citation)
    template_name = "resolutions/resolution_detail.html"
    context_object_name = "resolution"
    slug_field = "number"
    slug_url_kwarg = "number"

    def get_queryset(self):
        return super().get_queryset().with_links()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["framework"] = neighbourhood_timeline(self.object)
        return context


def resolution_by_symbol(request, number, year):
    """/resolutions/S/RES/2396 (2017)/ redirects to the resolution's page."""
    resolution = get_object_or_404(
        Resolution.objects.visible_to(request.user), number=int(number), year=int(year)
    )
    return redirect(resolution, permanent=True)
