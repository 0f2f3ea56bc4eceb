from django.urls import path, re_path

from . import exports, views

app_name = "resolutions"

urlpatterns = [
    path("", views.ResolutionListView.as_view(), name="resolution-list"),
    re_path(
        r"^export\.(?P<fmt>csv|json)$",
        exports.ResolutionExportView.as_view(),
        name="resolution-export",
    ),
    path("<int:number>/", views.ResolutionDetailView.as_view(), name="resolution-detail"),
]
