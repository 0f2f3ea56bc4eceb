from django.urls import path, re_path

from . import citations, exports, views

app_name = "resolutions"

urlpatterns = [
    path("", views.ResolutionListView.as_view(), name="resolution-list"),
    re_path(
        r"^export\.(?P<fmt>csv|json)$",
        exports.ResolutionExportView.as_view(),
        name="resolution-export",
    ),
    path("<int:number>/", views.ResolutionDetailView.as_view(), name="resolution-detail"),
    re_path(
        r"^S/RES/(?P<number>[0-9]+)\s*\((?P<year>[0-9]{4})\)/?$",
        views.resolution_by_symbol,
        name="resolution-by-symbol",
    ),
    re_path(
        r"^(?P<number>[0-9]+)/cite\.(?P<fmt>bib|json)$",
        citations.ResolutionCitationView.as_view(),
        name="resolution-cite",
    ),
]
