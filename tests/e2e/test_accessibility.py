"""Accessibility in a real browser: axe-core, keyboard use, a 375 px screen."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from events.models import Event

pytestmark = pytest.mark.e2e

BANGKOK = "/events/2nd-asia-ict-ct-dialogue-bangkok/"
PAGES = {
    "home": "/",
    "events": "/events/",
    "events-filtered": "/events/?theme=digital-evidence-and-mutual-legal-assistance&year=2018",
    "events-bad-input": "/events/?year=abc&theme=nope&page=9",
    "event": BANGKOK,
    "series": "/series/asia-ict-ct-dialogue/",
    "theme": "/themes/digital-evidence-and-mutual-legal-assistance/",
    "initiatives": "/initiatives/",
    "stakeholders": "/stakeholders/",
    "speakers": "/speakers/",
    "resolutions": "/resolutions/",
    "resolution": "/resolutions/2396/",
    "search": "/search/?q=evidence",
    "glance": "/data/glance/",
    "not-found": "/events/no-such-event/",
}


@pytest.mark.parametrize("path", list(PAGES.values()), ids=list(PAGES))
def test_page_has_no_axe_violations_and_no_console_errors(page, demo, path):
    page.open(path)

    assert page.axe_violations() == []
    # The browser logs the status of a page that answers 404 or 400 (bad input, shown
    # with its message) as a console error; anything else logged is a fault.
    expected = {
        PAGES["not-found"]: "status of 404",
        PAGES["events-bad-input"]: "status of 400",
    }.get(path)
    assert [error for error in page.console_errors if not (expected and expected in error)] == []


@pytest.mark.parametrize("path", list(PAGES.values()), ids=list(PAGES))
def test_page_fits_a_375px_screen_without_horizontal_scroll(phone, demo, path):
    phone.open(path)

    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_filter_form_works_by_keyboard_alone(page, demo):
    page.open("/events/")
    keyboard = page.page.keyboard

    # Tab from the top of the page until the first theme checkbox has focus.
    for _ in range(40):
        keyboard.press("Tab")
        if page.page.evaluate("document.activeElement.name") == "theme":
            break
    assert page.page.evaluate("document.activeElement.name") == "theme"
    label = page.page.evaluate("document.activeElement.labels[0].textContent")
    keyboard.press("Space")
    # Then on to the "Apply filters" button, and press it.
    for _ in range(40):
        keyboard.press("Tab")
        if page.page.evaluate("document.activeElement.type") == "submit":
            break
    assert page.page.evaluate("document.activeElement.textContent") == "Apply filters"
    with page.page.expect_navigation():
        keyboard.press("Enter")

    assert "theme=" in page.page.url
    assert page.page.locator(".chip").count() == 1
    assert label.split(" (")[0] in page.page.locator(".chip").inner_text()


def test_skip_link_moves_focus_to_main_content(page, demo):
    page.open(BANGKOK)

    page.page.keyboard.press("Tab")
    assert page.page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.page.keyboard.press("Enter")

    assert page.page.evaluate("document.activeElement.id") == "main"


def test_event_page_shows_the_record_in_the_browser(page, demo):
    page.open(BANGKOK)
    text = page.page.locator("main").inner_text()

    assert "24-25 January 2018" in text
    assert "Ministry of Foreign Affairs of Thailand" in text
    assert "Tech Against Terrorism" in text
    assert page.page.locator("blockquote").count() == 1


def test_screenshots_for_the_readme(page, phone, demo, tmp_path):
    """Writes small screenshots; into docs/screenshots when CTD_SCREENSHOTS=1."""
    target = (
        Path(settings.BASE_DIR) / "docs" / "screenshots"
        if os.environ.get("CTD_SCREENSHOTS")
        else tmp_path
    )
    target.mkdir(parents=True, exist_ok=True)
    shots = [
        (page, "/events/?theme=digital-evidence-and-mutual-legal-assistance", "events-list.jpg"),
        (page, BANGKOK, "event-detail.jpg"),
        (phone, "/themes/digital-evidence-and-mutual-legal-assistance/", "theme-phone.jpg"),
    ]
    for browser_page, path, name in shots:
        browser_page.open(path)
        browser_page.page.screenshot(path=str(target / name), type="jpeg", quality=70)

    # The event editing screen, as staff see it.
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    page.sign_in("editor", "a-long-passphrase")
    event = Event.objects.get(slug=BANGKOK.strip("/").split("/")[-1])
    page.open(f"/admin/events/event/{event.pk}/change/")
    assert "Change event" in page.page.title()
    page.page.screenshot(path=str(target / "admin-event.jpg"), type="jpeg", quality=70)

    names = [name for *_, name in shots] + ["admin-event.jpg"]
    assert set(names) <= {p.name for p in target.glob("*.jpg")}
