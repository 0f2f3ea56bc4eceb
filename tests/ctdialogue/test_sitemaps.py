import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

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


def sitemap_entries(client) -> dict[str, str | None]:
    """{location: lastmod} of every URL in the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
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
    with CaptureQueriesContext(connection) as one:
        client.get("/sitemap.xml")
    EventFactory()
    EventFactory()

    with CaptureQueriesContext(connection) as three:
        entries = sitemap_entries(client)

    assert len(three) == len(one)
    assert len(entries) == len(LIST_PAGES) + 3


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
