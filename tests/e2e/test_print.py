"""Event, speaker and resolution pages print as documents: no navigation, search or
footer, the addresses of links printed after them, and a PDF that Chromium can make."""

import pytest

from events.models import Person

pytestmark = pytest.mark.e2e

HIDDEN_IN_PRINT = (".site-nav", ".site-search", ".site-footer", ".skip-link")


def printed(page, path):
    page.open(path)
    page.page.emulate_media(media="print")
    return page.page


@pytest.mark.parametrize(
    "path",
    [
        "/events/2nd-asia-ict-ct-dialogue-bangkok/",
        "/resolutions/2395/",
    ],
)
def test_a_record_page_prints_without_the_site_around_it(page, demo, path):
    document = printed(page, path)

    for selector in HIDDEN_IN_PRINT:
        display = document.eval_on_selector(selector, "node => getComputedStyle(node).display")
        assert display == "none", selector
    assert document.is_visible("h1")
    after = document.eval_on_selector(
        "main a[href^='/'], main a[href^='http']",
        "node => getComputedStyle(node, '::after').content",
    )
    assert after.startswith('" <')
    assert after.endswith('>"')
    assert document.pdf(format="A4").startswith(b"%PDF")


def test_a_speaker_page_prints_too(page, demo):
    speaker = Person.objects.public().first()
    document = printed(page, speaker.get_absolute_url())

    assert document.eval_on_selector(".site-nav", "node => getComputedStyle(node).display") == (
        "none"
    )
    assert document.inner_text("h1").strip() == speaker.full_name


def test_a_printed_event_leaves_out_the_calendar_links(page, demo):
    # Long calendar addresses would fill the first printed page; a reader of paper
    # cannot click them anyway.
    document = printed(page, "/events/2nd-asia-ict-ct-dialogue-bangkok/")

    display = document.eval_on_selector(
        ".add-to-calendar", "node => getComputedStyle(node).display"
    )
    assert display == "none"
    assert "calendar.google.com" not in document.inner_text("main")
