from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "ctdialogue - editorial administration"
admin.site.site_title = "ctdialogue admin"
admin.site.index_title = "Events, people, initiatives and resolutions"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("health/", views.health, name="health"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("events.urls")),
    path("resolutions/", include("resolutions.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "ctdialogue.views.page_not_found"
handler500 = "ctdialogue.views.server_error"
