"""Absolute addresses on the public site: one rule for every output (pages, citations,
calendars, feeds, exports, the API, the sitemap), tested on a port that is not the
default."""

import datetime
import re
from urllib.parse import urlsplit

import pytest

from ctdialogue.output.addresses import NO_REQUEST, absolute
from tests.factories import EventFactory, InitiativeFactory, ResolutionFactory


def test_absolute_puts_a_path_on_the_public_site(settings):
    settings.SITE_URL = "https://ctd.example.org"

    assert absolute("/media/a.png") == "https://ctd.example.org/media/a.png"


def test_absolute_keeps_an_absolute_url(settings):
    settings.SITE_URL = "https://ctd.example.org"

    assert absolute("https://cdn.example.org/a.png") == "https://cdn.example.org/a.png"
    assert absolute("//cdn.example.org/a.png") == "//cdn.example.org/a.png"


# --- One rule everywhere ------------------------------------------------------------

OWN_HOSTS = ("testserver", "localhost", "127.0.0.1")
ADDRESS = re.compile(r"""(?:(?:https?|webcal):)?//[^\s"'<>\\]+""")


def own_addresses(body: str) -> list[str]:
    """Every absolute address in ``body`` that points at this site, on any port."""
    body = body.replace("\r\n ", "")  # iCalendar folds long lines
    return [url for url in ADDRESS.findall(body) if (urlsplit(url).hostname or "") in OWN_HOSTS]


def outputs(client, host: str) -> dict[str, str]:
    """What each kind of output says, read as a visitor on ``host``."""
    event = EventFactory(slug="bangkok", start_date=datetime.date(2018, 1, 24))
    InitiativeFactory(slug="tat").events.add(event)
    ResolutionFactory(number=2396, year=2017).events.add(event)
    EventFactory.create_batch(2)
    pages = [
        "/",
        "/events/bangkok/",
        "/events/bangkok/cite.bib",
        "/events/bangkok/cite.json",
        "/initiatives/tat/cite.json",
        "/events/bangkok/calendar.ics",
        "/events/calendar.ics",
        "/events/feed/",
        "/events/export.csv",
        "/events/export.json",
        "/api/events/?page_size=1",
        f"/api/events/{event.uid}/",
        "/sitemap.xml",
        "/robots.txt",
        "/resolutions/2396/",
    ]
    found = {}
    for path in pages:
        response = client.get(path, headers={"host": host})
        assert response.status_code == 200, path
        content = b"".join(response.streaming_content) if response.streaming else response.content
        found[path] = content.decode()
    return found


@pytest.mark.django_db
def test_every_output_points_at_the_host_the_request_came_to_on_any_port(client, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["localhost"]

    for path, body in outputs(client, "localhost:8123").items():
        addresses = own_addresses(body)
        assert addresses, f"{path} has no absolute address of the site"
        wrong = [
            url
            for url in addresses
            if not url.startswith(("http://localhost:8123/", "webcal://localhost:8123/"))
        ]
        assert wrong == [], path


@pytest.mark.django_db
def test_every_output_points_at_the_configured_address_whatever_the_request(client, settings):
    settings.SITE_URL = "https://dialogue.example.org"
    settings.ALLOWED_HOSTS = ["localhost"]

    for path, body in outputs(client, "localhost:8123").items():
        assert "https://dialogue.example.org/" in body, path
        assert own_addresses(body) == [], path


def test_outside_a_request_the_configured_address_or_a_plain_fallback(settings):
    settings.SITE_URL = ""
    assert absolute("/events/") == f"{NO_REQUEST}/events/"
