from csp.decorators import csp_update
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

import events.api
import events.search
import resolutions.api
import resolutions.search

from . import views
from .languages import switch_language
from .search.views import SearchView
from .sitemaps import robots_txt, sitemap_index, sitemaps

admin.site.site_header = "ctdialogue - editorial administration"
admin.site.site_title = "ctdialogue admin"
admin.site.index_title = "Events, people, initiatives and resolutions"

router = DefaultRouter()
router.register("events", events.api.EventViewSet, basename="event")
router.register("resolutions", resolutions.api.ResolutionViewSet, basename="resolution")
router.register("initiatives", events.api.InitiativeViewSet, basename="initiative")
router.register("stakeholders", events.api.OrganizationViewSet, basename="stakeholder")
router.register("speakers", events.api.PersonViewSet, basename="speaker")
router.register("themes", events.api.ThemeViewSet, basename="theme")
router.register("series", events.api.SeriesViewSet, basename="series")

#: What Swagger UI needs beyond the site's policy, from what Chromium blocked
#: (tests/e2e/test_headers.py): the <style> block of drf-spectacular's page (allowed by
#: its hash, not by 'unsafe-inline') and the data: icons of its own stylesheet.
SWAGGER_UI_POLICY = {
    "style-src": ["'sha256-MMpT0iDxyjALd9PdfepImGX3DBfJPXZ4IlDWdPAgtn0='"],
    "img-src": ["data:"],
}

api_patterns = [
    *router.urls,
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        csp_update(SWAGGER_UI_POLICY)(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
        name="docs",
    ),
]

# Addresses without a language: data for programs, the admin, and the switcher.
urlpatterns = [
    path("api/", include((api_patterns, "api"))),
    path("health/", views.health, name="health"),
    path("id/<uuid:uid>/", views.record_by_id, name="record-by-id"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("language/<str:code>/", switch_language, name="switch-language"),
    path(settings.ADMIN_URL, admin.site.urls),
]

# The public pages, one address per language: /events/ in English, /fr/events/ ...
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(
        "search/",
        SearchView.as_view(sources=(*events.search.SOURCES, *resolutions.search.SOURCES)),
        name="search",
    ),
    path("data/", views.DataView.as_view(), name="data"),
    path("data/glance/", views.GlanceView.as_view(), name="glance"),
    path("", include("events.urls")),
    path("resolutions/", include("resolutions.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "ctdialogue.views.bad_request"
handler403 = "ctdialogue.views.permission_denied"
handler404 = "ctdialogue.views.page_not_found"
handler500 = "ctdialogue.views.server_error"
