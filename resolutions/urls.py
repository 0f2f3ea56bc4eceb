from django.urls import path, re_path

from ctdialogue.output.citations import cite_path
from ctdialogue.output.exports import export_path

from . import citations, exports, views

app_name = "resolutions"

urlpatterns = [
    path("", views.ResolutionListView.as_view(), name="resolution-list"),
    export_path("", exports.ResolutionExportView, "resolution-export"),
    path("<int:number>/", views.ResolutionDetailView.as_view(), name="resolution-detail"),
    re_path(
        r"^S/RES/(?P<number>[0-9]+)\s*\((?P<year>[0-9]{4})\)/?$",
        views.resolution_by_symbol,
        name="resolution-by-symbol",
    ),
    cite_path("", r"(?P<number>[0-9]+)", citations.ResolutionCitationView, "resolution-cite"),
]
