from django.urls import path

from . import views

app_name = "resolutions"

urlpatterns = [
    path("", views.ResolutionListView.as_view(), name="resolution-list"),
    path("<int:number>/", views.ResolutionDetailView.as_view(), name="resolution-detail"),
]
