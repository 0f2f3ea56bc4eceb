"""Site-wide rules: error pages in the site's design, no inline or third-party scripts."""

import re

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from ctdialogue import views

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
    assert 'class="skip-link"' in page and "site.css" in page


def test_server_error_page_needs_nothing_that_could_fail():
    response = views.server_error(RequestFactory().get("/"))

    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in page
    assert "{%" not in page and "{{" not in page
