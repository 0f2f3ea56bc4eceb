from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event-list"),
    path(
        "events/feed/",
        (feeds.EventAtomFeed and feeds.EventAtomFeed()) or feeds.not_ready,
        name="event-feed",
    ),
    path("events/calendar.ics", feeds.event_calendar, name="event-calendar"),
    path("events/<slug:slug>/calendar.ics", feeds.event_ics, name="event-ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("series/<slug:slug>/", views.EventSeriesDetailView.as_view(), name="series-detail"),
    path("themes/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
    path("initiatives/", views.InitiativeListView.as_view(), name="initiative-list"),
    path(
        "initiatives/<slug:slug>/",
        views.InitiativeDetailView.as_view(),
        name="initiative-detail",
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
