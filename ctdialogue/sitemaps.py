"""sitemap.xml and robots.txt.

The sitemap lists exactly the public pages: the list pages, and every published
(and due) event, theme, series, initiative, organisation, person and resolution.
Drafts and scheduled items are left out by ``public()``. Without the sites
framework, Django's sitemap view takes the domain and scheme from the request.
"""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from events.models import Event, EventSeries, Initiative, Organization, Person, Theme
from resolutions.models import Resolution


class StaticSitemap(Sitemap):
    """The home page, the list pages and the page documenting the data exports."""

    changefreq = "weekly"
    url_names = (
        "home",
        "events:event-list",
        "events:initiative-list",
        "events:organization-list",
        "events:person-list",
        "resolutions:resolution-list",
        "data",
    )

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class PublishedSitemap(Sitemap):
    """Every published object of ``model``; one query, reading only what the URL needs."""

    model = None
    url_fields = ("slug",)

    def items(self):
        return self.model.objects.public().only("pk", "updated_at", *self.url_fields).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class EventSitemap(PublishedSitemap):
    model = Event


class ThemeSitemap(PublishedSitemap):
    model = Theme


class EventSeriesSitemap(PublishedSitemap):
    model = EventSeries


class InitiativeSitemap(PublishedSitemap):
    model = Initiative


class OrganizationSitemap(PublishedSitemap):
    model = Organization


class PersonSitemap(PublishedSitemap):
    model = Person


class ResolutionSitemap(PublishedSitemap):
    model = Resolution
    url_fields = ("number",)


sitemaps = {
    "pages": StaticSitemap,
    "events": EventSitemap,
    "themes": ThemeSitemap,
    "series": EventSeriesSitemap,
    "initiatives": InitiativeSitemap,
    "stakeholders": OrganizationSitemap,
    "speakers": PersonSitemap,
    "resolutions": ResolutionSitemap,
}


@require_safe
def robots_txt(request):
    """Everything public may be crawled, except search results. The admin is not
    named here (its path may be private); its pages carry their own noindex."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('search')}",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
