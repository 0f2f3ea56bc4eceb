"""sitemap.xml and robots.txt.

The sitemap lists exactly the public pages: the list pages, and every published
(and due) event, theme, series, initiative, organisation, person and resolution, each
in every offered language. /sitemap.xml is the index of its sections
(/sitemap-events.xml, ...) and of their pages: a file holds at most 50,000 addresses,
and with six languages 100,000 events are 600,000.
Drafts and scheduled items are left out by ``public()``. Addresses follow the one
rule of ``ctdialogue.output.addresses``.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from ctdialogue.output.addresses import absolute, origin
from events.models import Event, EventSeries, Initiative, Organization, Person, Theme
from resolutions.models import Resolution


class PublicSiteSitemap(Sitemap):
    """Addresses on the public site, by the one rule of ``addresses.origin()``, not
    the request's host that Django's sitemap view would take; each page in every
    offered language, with its alternates and the English original as x-default."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(origin()).scheme

    def get_domain(self, site=None):
        return urlsplit(origin()).netloc


class StaticSitemap(PublicSiteSitemap):
    """The home page, the list pages, the page documenting the data exports and the
    charts of the data at a glance."""

    changefreq = "weekly"
    url_names = (
        "home",
        "events:event-list",
        "events:initiative-list",
        "events:organization-list",
        "events:person-list",
        "resolutions:resolution-list",
        "data",
        "glance",
    )

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class PublishedSitemap(PublicSiteSitemap):
    """Every published object of ``model``; one query, reading only what the URL needs."""

    model = None
    url_fields = ("slug",)

    def items(self):
        return self.model.objects.public().only("pk", "updated_at", *self.url_fields).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def published_sitemap(model, *url_fields) -> type[PublishedSitemap]:
    return type(
        f"{model.__name__}Sitemap",
        (PublishedSitemap,),
        {"model": model, "url_fields": url_fields or PublishedSitemap.url_fields},
    )


sitemaps = {
    "pages": StaticSitemap,
    "events": published_sitemap(Event),
    "themes": published_sitemap(Theme),
    "series": published_sitemap(EventSeries),
    "initiatives": published_sitemap(Initiative),
    "stakeholders": published_sitemap(Organization),
    "speakers": published_sitemap(Person),
    "resolutions": published_sitemap(Resolution, "number"),
}


@require_safe
def sitemap_index(request):
    """/sitemap.xml: every page of every section, at addresses by the one rule of
    ``addresses.absolute`` (Django's index view would take the request's host)."""
    found = []
    for section, sitemap_class in sitemaps.items():
        address = reverse("sitemap-section", kwargs={"section": section})
        for page in sitemap_class().paginator.page_range:
            query = f"?p={page}" if page > 1 else ""
            found.append(SitemapIndexItem(absolute(address + query), None))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": found}, content_type="application/xml"
    )


@require_safe
def robots_txt(request):
    """Everything public may be crawled, except search results. The admin is not
    named here (its path may be private); its pages carry their own noindex."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('search')}",
        "Allow: /",
        "",
        f"Sitemap: {absolute(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
