"""Review of changes to published content, end to end in Chromium: an editor changes a
published event and submits it, the public page does not change, a publisher reviews
the comparison and approves, and the public page shows the change. The review list
and the comparison are checked with axe-core, and photographed for the README when
CTD_SCREENSHOTS=1."""

import os
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection

from events.models import Event
from tests.conftest import PASSWORD, make_staff

pytestmark = pytest.mark.e2e

BANGKOK = "/events/2nd-asia-ict-ct-dialogue-bangkok/"
NEW_TITLE = "Second Asia ICT and CT Dialogue, Bangkok"


@pytest.fixture
def staff(demo):
    """An editor and a publisher. A browser test's database is emptied after each test,
    the roles too: they are made again here by their own migrations' code."""
    if Group.objects.filter(name__in=["Editor", "Publisher"]).count() < 2:
        make_roles()
    return make_staff("editor", "Editor"), make_staff("publisher", "Publisher")


def make_roles():
    migrations = "ctdialogue.publishing.migrations."
    roles = import_module(migrations + "0001_editor_and_publisher_roles")
    media = import_module(migrations + "0004_publishers_publish_photos_and_documents")
    schema_editor = SimpleNamespace(connection=connection)
    # The roles migration marks the apps as having models while it runs, for Django's
    # permission helpers, then unmarks them: keep the registry as it is.
    kept = {label: apps.get_app_config(label).models_module for label in ("events", "resolutions")}
    try:
        roles.create_roles(apps, schema_editor)
    finally:
        for label, module in kept.items():
            apps.get_app_config(label).models_module = module
    media.grant(apps, schema_editor)


def submit_as_editor(page, event, note="", translations=None):
    page.sign_in("editor", PASSWORD)
    page.open(f"/admin/events/event/{event.pk}/change/")
    page.page.fill("#id_title", NEW_TITLE)
    for name, text in (translations or {}).items():  # in fieldsets that may be folded
        page.page.eval_on_selector(f"#id_{name}", "(field, text) => field.value = text", text)
    page.page.fill("#id_pending_note", note)
    with page.page.expect_navigation():
        page.page.click("input[name=_submit]")


@pytest.fixture
def publisher_page(browser, live_server, staff):
    """A second browser, signed in as the publisher; closed after the test, so that no
    connection to the live server outlives it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    publisher = context.new_page()
    publisher.goto(live_server.url + "/admin/login/")
    publisher.fill("#id_username", "publisher")
    publisher.fill("#id_password", PASSWORD)
    with publisher.expect_navigation():
        publisher.click("input[type=submit]")
    yield publisher
    context.close()


def test_an_editors_change_waits_for_review_and_appears_once_approved(
    browser, live_server, page, publisher_page, tmp_path
):
    event = Event.objects.get(slug=BANGKOK.strip("/").split("/")[-1])
    old_heading = visitor_heading(browser, live_server)
    submit_as_editor(page, event, "A shorter title, as in the programme.")
    assert "waiting for a publisher's review" in page.page.locator(".messagelist").inner_text()
    assert visitor_heading(browser, live_server) == old_heading

    publisher = publisher_page
    publisher.reload()
    waiting = publisher.locator("#waiting-for-review")
    assert "2nd Asia ICT and CT Dialogue" in waiting.inner_text()
    shots = screenshot_folder(tmp_path)
    publisher.screenshot(path=str(shots / "admin-waiting-for-review.jpg"), type="jpeg", quality=70)
    with publisher.expect_navigation():
        waiting.locator("a").first.click()
    assert "Bangkok" in publisher.locator("table.version-diff").inner_text()
    assert publisher.evaluate("document.documentElement.scrollWidth") <= 1280
    publisher.screenshot(path=str(shots / "admin-review.jpg"), type="jpeg", quality=70)
    publisher.check("input[name=decision][value=approve]")
    with publisher.expect_navigation():
        publisher.click("input[type=submit]")

    assert visitor_heading(browser, live_server) == NEW_TITLE


def visitor_heading(browser, live_server) -> str:
    """The event page's heading as a visitor (another browser, not signed in) sees it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        visitor = context.new_page()
        visitor.goto(live_server.url + BANGKOK)
        return visitor.locator("main h1").inner_text()
    finally:
        context.close()


def test_review_pages_have_no_axe_violations(page, staff):
    event = Event.objects.get(slug=BANGKOK.strip("/").split("/")[-1])
    # (The editing page is checked with the admin's pages.) With translations, the
    # comparison has a group per language.
    submit_as_editor(page, event, translations={"title_ar": "حوار", "title_ru": "Диалог"})
    page.open(f"/admin/events/event/{event.pk}/pending/preview/")
    preview = page.axe_violations()
    page.page.context.clear_cookies()
    page.sign_in("publisher", PASSWORD)
    home = page.axe_violations()
    page.open(f"/admin/events/event/{event.pk}/pending/review/")
    review = page.axe_violations()
    groups = page.page.locator(".version-group").all_inner_texts()

    assert {"preview": preview, "home": home, "review": review} == {
        "preview": [],
        "home": [],
        "review": [],
    }
    assert groups == [
        "The record's own texts and fields",
        "Translation into Arabic",
        "Translation into Russian",
    ]


def screenshot_folder(tmp_path) -> Path:
    if os.environ.get("CTD_SCREENSHOTS"):
        folder = Path(settings.BASE_DIR) / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path
