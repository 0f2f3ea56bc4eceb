"""The Content Security Policy in Chromium: on the public pages, the API's documentation
and the admin (with its rich-text editor) the browser blocks nothing, and the pages
still work: the gallery's script runs, Swagger UI draws the API, TinyMCE loads.

Chromium reports each blocked script, style or image both as a console error and as a
``securitypolicyviolation`` event; the tests collect the two."""

import pytest
from django.contrib.auth import get_user_model

from tests.e2e.test_accessibility import BANGKOK, gallery, serve_media  # noqa: F401

pytestmark = pytest.mark.e2e

#: Records every violation the document reports, for the test to read.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""

PUBLIC = {
    "home": "/",
    "events": "/events/",
    "event": BANGKOK,
    "resolution": "/resolutions/2395/",
    "search": "/search/?q=evidence",
    "data": "/data/",
    "glance": "/data/glance/",
    "not-found": "/events/no-such-event/",
}


def violations(browser_page) -> list[str]:
    """What the policy blocked on the page: events, and console messages about it."""
    reported = browser_page.page.evaluate("window.__violations || []")
    logged = [text for text in browser_page.console_errors if "Content Security Policy" in text]
    return reported + logged


@pytest.fixture
def listening(page):
    page.page.add_init_script(LISTEN)
    return page


@pytest.mark.parametrize("path", list(PUBLIC.values()), ids=list(PUBLIC))
def test_public_page_breaks_no_rule_of_its_policy(listening, demo, path):
    response = listening.open(path)

    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert violations(listening) == []


def test_gallery_script_runs_under_the_policy(listening, gallery):  # noqa: F811
    serve_media(listening.page)
    listening.open(gallery[0])

    assert listening.page.get_attribute("a[rel=next]", "aria-keyshortcuts") == "ArrowRight"
    assert violations(listening) == []


def test_api_documentation_draws_the_api_under_its_policy(listening, demo):
    listening.open("/api/docs/")
    listening.page.wait_for_selector(".opblock", timeout=15_000)

    assert listening.page.locator(".opblock").count() > 5
    assert violations(listening) == []


@pytest.fixture
def staff_page(listening, demo):
    get_user_model().objects.create_superuser("staff", "staff@example.org", "a-long-passphrase")
    listening.open("/admin/login/")
    login_violations = violations(listening)
    listening.sign_in("staff", "a-long-passphrase")
    assert login_violations == []
    return listening


ADMIN = {
    "index": "/admin/",
    "events": "/admin/events/event/",
    "new event": "/admin/events/event/add/",
    "resolutions": "/admin/resolutions/resolution/",
    "import": "/admin/events/organization/import/",
    "two-factor": "/admin/two-factor/setup/",
}


@pytest.mark.parametrize("path", list(ADMIN.values()), ids=list(ADMIN))
def test_admin_page_breaks_no_rule_of_its_policy(staff_page, path):
    response = staff_page.open(path)

    assert response.status == 200
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert staff_page.page.locator("#content h1").inner_text() != ""
    assert violations(staff_page) == []


def test_rich_text_editor_loads_under_the_admin_policy(staff_page):
    from events.models import Event

    event = Event.objects.get(slug=BANGKOK.strip("/").split("/")[-1])
    staff_page.open(f"/admin/events/event/{event.pk}/change/")
    staff_page.page.wait_for_selector(".tox-tinymce", timeout=15_000)
    frame = staff_page.page.frame_locator(".tox-edit-area iframe").first
    frame.locator("body").click()
    staff_page.page.keyboard.type(" Typed in the editor.")

    assert "Typed in the editor." in frame.locator("body").inner_text()
    assert violations(staff_page) == []
