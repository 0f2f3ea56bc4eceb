from django.urls import path, re_path

from . import citations, exports, feeds, views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event-list"),
    re_path(
        r"^events/export\.(?P<fmt>csv|json)$",
        exports.EventExportView.as_view(),
        name="event-export",
    ),
    re_path(
        r"^initiatives/export\.(?P<fmt>csv|json)$",
        exports.InitiativeExportView.as_view(),
        name="initiative-export",
    ),
    re_path(
        r"^stakeholders/export\.(?P<fmt>csv|json)$",
        exports.OrganizationExportView.as_view(),
        name="organization-export",
    ),
    re_path(
        r"^speakers/export\.(?P<fmt>csv|json)$",
        exports.PersonExportView.as_view(),
        name="person-export",
    ),
    path("events/feed/", feeds.EventAtomFeed(), name="event-feed"),
    path("events/calendar.ics", feeds.event_calendar, name="event-calendar"),
    path("events/<slug:slug>/calendar.ics", feeds.event_ics, name="event-ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    re_path(
        r"^events/(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<fmt>bib|json)$",
        citations.EventCitationView.as_view(),
        name="event-cite",
    ),
    path("series/<slug:slug>/", views.EventSeriesDetailView.as_view(), name="series-detail"),
    path("themes/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
    path("initiatives/", views.InitiativeListView.as_view(), name="initiative-list"),
    path(
        "initiatives/<slug:slug>/",
        views.InitiativeDetailView.as_view(),
        name="initiative-detail",
    ),
    re_path(
        r"^initiatives/(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<fmt>bib|json)$",
        citations.InitiativeCitationView.as_view(),
        name="initiative-cite",
    ),
    path("stakeholders/", views.OrganizationListView.as_view(), name="organization-list"),
    path(
        "stakeholders/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path("speakers/", views.PersonListView.as_view(), name="person-list"),
    path("speakers/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
]
