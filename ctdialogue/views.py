"""Site-wide views: the home page, the data pages, the health check and the error pages."""

import sys
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from ctdialogue.database import outages
from ctdialogue.pages.charts import bar_chart, horizontal_bar_chart, stacked_bar_chart
from ctdialogue.pages.views import bounded
from ctdialogue.translations.registry import shown_order
from events.exports import (
    EVENT_COLUMNS,
    INITIATIVE_COLUMNS,
    ORGANIZATION_COLUMNS,
    PERSON_COLUMNS,
)
from events.facets.counts import FacetCounts
from events.facets.models import Facet
from events.models import (
    Event,
    EventSeries,
    Initiative,
    Organization,
    Participation,
    Person,
    Theme,
)
from resolutions.exports import RESOLUTION_COLUMNS
from resolutions.models import Resolution


class HomeView(TemplateView):
    """The newest events, the themes and the latest initiatives: a page whose size does
    not grow with the record (each list is bounded, with a link to the whole list)."""

    template_name = "home.html"
    #: How many initiatives the home page names; the rest are a link away.
    INITIATIVES_SHOWN = 8

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.public().with_cards()
        ahead = events.ahead()
        context["upcoming_events"] = ahead.chronological()[:3]
        # What is listed as ahead is not listed again as the latest.
        latest = events.past().exclude(pk__in=ahead.values("pk"))
        context["latest_events"] = latest.newest_first()[:3]
        context["themes"] = self.themes()
        context["initiatives"] = bounded(
            Initiative.objects.public().order_by(
                F("launched").desc(nulls_last=True), *shown_order(Initiative, "name")
            ),
            "events:initiative-list",
            limit=self.INITIATIVES_SHOWN,
        )
        return context

    @staticmethod
    def themes() -> list[Theme]:
        """The public themes, each with ``event_count`` read from the facet index."""
        counts = FacetCounts().over_all(Facet.THEME)
        themes = list(Theme.objects.public().order_by(*shown_order(Theme, "name")))
        for theme in themes:
            theme.event_count = counts[str(theme.pk)]
        return themes


class DataView(TemplateView):
    """What researchers can take away, and how to cite it."""

    template_name = "data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["exports"] = [
            ("Events", "events:event-list", "events:event-export", EVENT_COLUMNS),
            (
                "Resolutions",
                "resolutions:resolution-list",
                "resolutions:resolution-export",
                RESOLUTION_COLUMNS,
            ),
            (
                "Initiatives",
                "events:initiative-list",
                "events:initiative-export",
                INITIATIVE_COLUMNS,
            ),
            (
                "Stakeholders",
                "events:organization-list",
                "events:organization-export",
                ORGANIZATION_COLUMNS,
            ),
            ("Speakers", "events:person-list", "events:person-export", PERSON_COLUMNS),
        ]
        context["licence"] = settings.DATA_LICENCE
        context["licence_url"] = settings.DATA_LICENCE_URL
        return context


class GlanceView(TemplateView):
    """/data/glance/: the published record in three charts, each with a table of the
    same numbers. Everything is counted in the database when the page is asked for, in
    a fixed number of queries however many records there are."""

    template_name = "glance.html"
    #: A chart of labelled bars is drawn narrower (and shown no wider, .chart--narrow),
    #: so that its labels stay legible when a phone scales it down.
    NARROW_CHART_WIDTH = 400

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.events_by_theme())
        context["kinds"] = self.participations_by_kind()
        context["kinds_chart"] = horizontal_bar_chart(
            [(row["label"], row["participations"]) for row in context["kinds"]],
            width=self.NARROW_CHART_WIDTH,
        )
        context["resolutions_chart"] = bar_chart(Resolution.objects.public().count_by_year())
        return context

    @staticmethod
    def events_by_theme() -> dict:
        events = Event.objects.public()
        by_year = events.count_by_year_and_theme()
        themes = sorted({name for row in by_year.values() for name in row})
        on_a_theme = Event.themes.through.objects.filter(
            event=OuterRef("pk"), theme__in=Theme.objects.public().values("pk")
        )
        counts = events.aggregate(
            events=Count("pk"), without_theme=Count("pk", filter=~Q(Exists(on_a_theme)))
        )
        return {
            "themes_chart": stacked_bar_chart(by_year, themes),
            "event_count": counts["events"],
            "events_without_theme": counts["without_theme"],
        }

    @staticmethod
    def participations_by_kind() -> list[dict]:
        """Every kind of stakeholder, the most frequent first, with none where none."""
        counts = Participation.objects.public().count_by_kind()
        none = {"participations": 0, "organisations": 0}
        rows = [
            {"label": label, **counts.get(kind, none)} for kind, label in Organization.Kind.choices
        ]
        return sorted(rows, key=lambda row: -row["participations"])


def record_by_id(request, uid):
    """/id/<uuid>/: the permanent address of any record, redirecting to its page."""
    for model in (Event, Resolution, Initiative, Organization, Person, Theme, EventSeries):
        record = model.objects.visible_to(request.user).filter(uid=uid).first()
        if record is not None:
            return redirect(record.get_absolute_url())
    raise Http404(gettext("No record has this identifier."))


@never_cache
def health(request):
    """For load balancers and docker-compose: which dependency answers. 503 when the
    database does not (nothing can be served); 200 with "degraded" when only the cache
    does not (pages are made afresh, more slowly)."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    report = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    if not checks["database"]:
        return JsonResponse({"status": "error", **report}, status=503)
    status = "ok" if checks["cache"] else "degraded"
    return JsonResponse({"status": status, **report})


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", never a 500 page
        return False
    return True


def _cache_answers() -> bool:
    # The cache ignores its own failures (a Redis outage slows, never breaks), so ask it
    # to keep a value and give it back.
    token = uuid.uuid4().hex
    try:
        cache.set("health-check", token, timeout=10)
        return cache.get("health-check") == token
    except Exception:
        return False


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 handler; a database that cannot be reached is an outage (503), not an
    error of ours."""
    if outages.is_outage(sys.exc_info()[1]):
        return outages.unavailable(request)
    return render(request, "500.html", status=500)
