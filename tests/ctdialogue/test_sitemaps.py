import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ctdialogue.sitemaps import PublishedSitemap, sitemaps
from tests.factories import (
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

#: Which pages are listed, in the original language; each page's alternates in the
#: other languages are tested in tests/ctdialogue/test_languages.py.
ENGLISH_ALONE = override_settings(LANGUAGES=[("en", "English")])

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOST = "http://testserver"
LIST_PAGES = {
    f"{HOST}/",
    f"{HOST}/events/",
    f"{HOST}/initiatives/",
    f"{HOST}/stakeholders/",
    f"{HOST}/speakers/",
    f"{HOST}/resolutions/",
    f"{HOST}/data/",
    f"{HOST}/data/glance/",
}


def xml(client, address: str) -> ET.Element:
    response = client.get(address.removeprefix(HOST))
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - our own output


def sitemap_files(client) -> list[str]:
    """The addresses of the sitemap's files, as its index (/sitemap.xml) lists them."""
    return [loc.text for loc in xml(client, "/sitemap.xml").iter(f"{SITEMAP}loc")]


def sitemap_entries(client) -> dict[str, str | None]:
    """{location: lastmod} of every URL in the sitemap's files."""
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for address in sitemap_files(client)
        for url in xml(client, address).findall(f"{SITEMAP}url")
    }


@ENGLISH_ALONE
def test_sitemap_lists_exactly_the_published_pages(client):
    organization = OrganizationFactory(slug="mofa")
    published = [
        EventFactory(slug="bangkok"),
        ThemeFactory(slug="digital-evidence"),
        EventSeriesFactory(slug="asia-dialogue"),
        InitiativeFactory(slug="tech-against-terrorism"),
        organization,
        PersonFactory(slug="andrei", organization=organization),
        ResolutionFactory(number=2395),
    ]
    for trait in ("draft", "scheduled"):
        EventFactory(**{trait: True})
        ThemeFactory(**{trait: True})
        EventSeriesFactory(**{trait: True})
        InitiativeFactory(**{trait: True})
        OrganizationFactory(**{trait: True})
        PersonFactory(**{trait: True}, organization=organization)
        ResolutionFactory(**{trait: True})

    entries = sitemap_entries(client)

    assert set(entries) == LIST_PAGES | {
        f"{HOST}/events/bangkok/",
        f"{HOST}/themes/digital-evidence/",
        f"{HOST}/series/asia-dialogue/",
        f"{HOST}/initiatives/tech-against-terrorism/",
        f"{HOST}/stakeholders/mofa/",
        f"{HOST}/speakers/andrei/",
        f"{HOST}/resolutions/2395/",
    }
    assert {entries[HOST + item.get_absolute_url()] for item in published} == {
        f"{timezone.localtime(item.updated_at):%Y-%m-%d}" for item in published
    }


@ENGLISH_ALONE
def test_sitemap_empty_site_lists_the_list_pages(client):
    assert set(sitemap_entries(client)) == LIST_PAGES


@ENGLISH_ALONE
def test_sitemap_query_count_does_not_grow_with_rows(client):
    EventFactory()
    with CaptureQueriesContext(connection) as index_one:
        client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as events_one:
        client.get("/sitemap-events.xml")
    EventFactory()
    EventFactory()

    with CaptureQueriesContext(connection) as index_three:
        client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as events_three:
        client.get("/sitemap-events.xml")

    assert len(index_three) == len(index_one)
    assert len(events_three) == len(events_one)
    assert len(sitemap_entries(client)) == len(LIST_PAGES) + 3


def test_the_sitemap_index_names_every_section_and_every_page_of_a_long_one(client, monkeypatch):
    """A file holds at most ``limit`` addresses (50,000); each page counts once per
    language, so a long section is split and the index names each of its pages."""
    monkeypatch.setattr(PublishedSitemap, "limit", 6)
    EventFactory(slug="bangkok")
    EventFactory(slug="jeju")

    files = sitemap_files(client)
    second = xml(client, f"{HOST}/sitemap-events.xml?p=2").findall(f"{SITEMAP}url")

    first, _events, *others = (f"{HOST}/sitemap-{section}.xml" for section in sitemaps)
    events = [f"{HOST}/sitemap-events.xml", f"{HOST}/sitemap-events.xml?p=2"]
    assert list(sitemaps)[:2] == ["pages", "events"]
    assert files == [first, *events, *others]
    assert len(second) == 6  # the second event, in six languages


def test_robots_txt_disallows_search_names_the_sitemap_and_hides_the_admin_path(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert not any("admin" in line for line in lines)  # its path may be private
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_sitemap_follows_the_request_scheme_and_host(client, settings):
    settings.ALLOWED_HOSTS = ["ctd.example.org"]

    response = client.get("/robots.txt", headers={"host": "ctd.example.org"}, secure=True)

    assert "Sitemap: https://ctd.example.org/sitemap.xml" in response.content.decode()
