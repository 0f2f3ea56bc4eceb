from django.views.generic import DetailView
from django_filters.views import FilterView

from events.views import FilteredListMixin, PublishedDetailMixin

from .filters import ResolutionFilter
from .models import Resolution


class ResolutionListView(FilteredListMixin, FilterView):
    filterset_class = ResolutionFilter
    export_url_name = "resolutions:resolution-export"
    template_name = "resolutions/resolution_list.html"
    context_object_name = "resolutions"
    paginate_by = 50

    def get_queryset(self):
        return Resolution.objects.published()


class ResolutionDetailView(PublishedDetailMixin, DetailView):
    model = Resolution
    template_name = "resolutions/resolution_detail.html"
    context_object_name = "resolution"
    slug_field = "number"
    slug_url_kwarg = "number"

    def get_queryset(self):
        return super().get_queryset().with_links()
