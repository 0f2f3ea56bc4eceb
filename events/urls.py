from django.urls import path

from ctdialogue.output.citations import cite_path
from ctdialogue.output.exports import export_path

from . import citations, exports, feeds, views

app_name = "events"

SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event-list"),
    export_path("events/", exports.EventExportView, "event-export"),
    export_path("initiatives/", exports.InitiativeExportView, "initiative-export"),
    export_path("stakeholders/", exports.OrganizationExportView, "organization-export"),
    export_path("speakers/", exports.PersonExportView, "person-export"),
    path("events/feed/", feeds.EventAtomFeed(), name="event-feed"),
    path("events/calendar.ics", feeds.event_calendar, name="event-calendar"),
    path("events/<slug:slug>/calendar.ics", feeds.event_ics, name="event-ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path(
        "events/<slug:slug>/photos/<int:pk>/",
        views.PhotoDetailView.as_view(),
        name="photo-detail",
    ),
    cite_path("events/", SLUG, citations.EventCitationView, "event-cite"),
    path("series/<slug:slug>/", views.EventSeriesDetailView.as_view(), name="series-detail"),
    path("themes/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
    path("initiatives/", views.InitiativeListView.as_view(), name="initiative-list"),
    path(
        "initiatives/<slug:slug>/", views.InitiativeDetailView.as_view(), name="initiative-detail"
    ),
    cite_path("initiatives/", SLUG, citations.InitiativeCitationView, "initiative-cite"),
    path("stakeholders/", views.OrganizationListView.as_view(), name="organization-list"),
    path(
        "stakeholders/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path("speakers/", views.PersonListView.as_view(), name="person-list"),
    path("speakers/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
]
