"""The site's own pages: permanent and former addresses, error pages in the site's
design, and no inline or third-party scripts anywhere public."""

import re

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from ctdialogue import views
from ctdialogue.publishing.identifiers import remember_old_slug
from events.models import Event
from tests.assertions import assert_not_found
from tests.factories import EventFactory, InitiativeFactory, ResolutionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/events/",
    "/events/2nd-asia-ict-ct-dialogue-bangkok/",
    "/series/asia-ict-ct-dialogue/",
    "/themes/digital-evidence-and-mutual-legal-assistance/",
    "/initiatives/",
    "/initiatives/tech-against-terrorism/",
    "/stakeholders/",
    "/speakers/",
    "/resolutions/",
    "/resolutions/2396/",
    "/search/?q=evidence",
    "/data/",
]
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
# Resources the browser would fetch from another site (a canonical link is not one).
EXTERNAL = re.compile(
    r'<(?:script[^>]*\ssrc|img[^>]*\ssrc|link[^>]*rel="(?:stylesheet|icon|preload)"[^>]*href)'
    r'="(?:https?:)?//',
    re.IGNORECASE,
)


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_has_no_inline_or_third_party_scripts(client, demo, url):
    response = client.get(url)
    page = response.content.decode()

    assert response.status_code == 200
    for attributes in SCRIPT.findall(page):
        # Only structured data, which browsers never execute, is written inline.
        assert 'type="application/ld+json"' in attributes
    assert EXTERNAL.findall(page) == []


@pytest.mark.parametrize(
    ("handler", "status", "heading"),
    [
        (views.bad_request, 400, "We could not understand that request"),
        (views.permission_denied, 403, "You are not allowed to see this page"),
        (views.page_not_found, 404, "Page not found"),
    ],
)
def test_error_pages_are_in_the_site_design(handler, status, heading):
    request = RequestFactory().get("/somewhere/")

    response = handler(request, Exception("reason"))

    page = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in page
    assert 'class="skip-link"' in page
    assert "site.css" in page


def test_server_error_page_needs_nothing_that_could_fail():
    response = views.server_error(RequestFactory().get("/"))

    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in page
    assert "{%" not in page
    assert "{{" not in page


def rename(obj, new_slug):
    old_slug = obj.slug
    obj.slug = new_slug
    obj.save()
    remember_old_slug(obj, old_slug=old_slug)


def test_renamed_event_keeps_its_old_address_by_redirect_and_its_identifier(client):
    event = EventFactory(slug="bangkok-workshop")
    uid = event.uid

    rename(event, "2nd-dialogue-bangkok")

    response = client.get("/events/bangkok-workshop/")
    assert response.status_code == 301
    assert response["Location"] == "/events/2nd-dialogue-bangkok/"
    assert Event.objects.get(slug="2nd-dialogue-bangkok").uid == uid


def test_renaming_twice_keeps_both_old_addresses(client):
    theme = ThemeFactory(slug="evidence")
    rename(theme, "digital-evidence")
    rename(theme, "digital-evidence-and-mla")

    assert client.get("/themes/evidence/")["Location"] == "/themes/digital-evidence-and-mla/"
    assert client.get("/themes/digital-evidence/")["Location"] == (
        "/themes/digital-evidence-and-mla/"
    )


def test_renaming_back_makes_the_slug_current_again(client):
    initiative = InitiativeFactory(slug="tat")
    rename(initiative, "tech-against-terrorism")
    rename(initiative, "tat")

    response = client.get("/initiatives/tat/")

    assert response.status_code == 200
    assert initiative.name in response.content.decode()


def test_old_address_of_a_draft_does_not_reveal_it(client):
    event = EventFactory(slug="old", draft=True)
    rename(event, "new")

    assert_not_found(client.get("/events/old/"))


def test_permanent_identifier_address_leads_to_the_record(client):
    event = EventFactory(slug="bangkok")
    resolution = ResolutionFactory(number=2396, year=2017)

    assert client.get(f"/id/{event.uid}/")["Location"] == "/events/bangkok/"
    assert client.get(f"/id/{resolution.uid}/")["Location"] == "/resolutions/2396/"


def test_permanent_identifier_of_a_draft_or_nothing_is_a_404(client):
    draft = EventFactory(draft=True)

    assert_not_found(client.get(f"/id/{draft.uid}/"))
    assert_not_found(client.get("/id/00000000-0000-0000-0000-000000000000/"))


@pytest.mark.parametrize(
    "path", ["/resolutions/S/RES/2396 (2017)/", "/resolutions/S/RES/2396(2017)"]
)
def test_resolution_is_addressable_by_its_symbol(client, path):
    ResolutionFactory(number=2396, year=2017)

    response = client.get(path)

    assert response.status_code == 301
    assert response["Location"] == "/resolutions/2396/"


def test_resolution_symbol_with_the_wrong_year_is_a_404(client):
    ResolutionFactory(number=2396, year=2017)

    assert_not_found(client.get("/resolutions/S/RES/2396 (2016)/"))
