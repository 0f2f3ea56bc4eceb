"""One search over all published content (being written)."""

from django.views.generic import TemplateView


class SearchView(TemplateView):
    template_name = "search.html"
