"""Accessibility in a real browser: axe-core, keyboard use, a 375 px screen."""

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from ctdialogue.safety.renditions import generate_renditions
from events.models import Event
from tests.factories import EventFactory, PhotoFactory

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
    "speaker": "/speakers/andrei-kovalenko/",
    "resolutions": "/resolutions/",
    "resolution": "/resolutions/2395/",  # with its relations and their timeline
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


#: Screenshots of the whole page, not only what the first screen shows.
WHOLE_PAGE_SHOTS = {"resolution.jpg", "data-at-a-glance.jpg"}


def test_screenshots_for_the_readme(page, phone, demo, tmp_path):
    """Writes small screenshots; into docs/screenshots when CTD_SCREENSHOTS=1."""
    target = (
        Path(settings.BASE_DIR) / "docs" / "screenshots"
        if os.environ.get("CTD_SCREENSHOTS")
        else tmp_path
    )
    target.mkdir(parents=True, exist_ok=True)
    shots = [
        (page, "/", "home.jpg"),
        (page, "/events/?theme=digital-evidence-and-mutual-legal-assistance", "events-list.jpg"),
        (page, BANGKOK, "event-detail.jpg"),
        (phone, "/themes/digital-evidence-and-mutual-legal-assistance/", "theme-phone.jpg"),
        (page, "/resolutions/2395/", "resolution.jpg"),
        (page, "/data/glance/", "data-at-a-glance.jpg"),
        (page, "/ar" + BANGKOK, "event-arabic.jpg"),
        (phone, "/zh-hans/resolutions/2395/", "resolution-chinese-phone.jpg"),
    ]
    for browser_page, path, name in shots:
        browser_page.open(path)
        browser_page.page.screenshot(
            path=str(target / name), type="jpeg", quality=70, full_page=name in WHOLE_PAGE_SHOTS
        )

    # The event as Chromium prints it, first page of the PDF as a picture (poppler's
    # pdftoppm, where installed: the README's picture; the PDF itself is checked always).
    page.open(BANGKOK)
    page.page.emulate_media(media="print")
    pdf = target / "event-printed.pdf"
    page.page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        image = target / "event-printed"
        subprocess.run(
            ["pdftoppm", "-jpeg", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, image],
            check=True,
        )
        assert image.with_suffix(".jpg").stat().st_size > 10_000
    pdf.unlink()
    page.page.emulate_media(media="screen")

    # The event editing screen, as staff see it.
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    page.sign_in("editor", "a-long-passphrase")
    event = Event.objects.get(slug=BANGKOK.strip("/").split("/")[-1])
    page.open(f"/admin/events/event/{event.pk}/change/")
    assert "Change event" in page.page.title()
    page.page.screenshot(path=str(target / "admin-event.jpg"), type="jpeg", quality=70)

    names = [name for *_, name in shots] + ["admin-event.jpg"]
    assert set(names) <= {p.name for p in target.glob("*.jpg")}


# --- The photo gallery ------------------------------------------------------------------
# The demo has no photos: it never shows a photo of a real event. These tests draw their
# own with Pillow, for a made-up event.

GALLERY = "/events/sample-workshop-with-drawn-photos/"


@pytest.fixture
def gallery(transactional_db):
    """A made-up event with three photos drawn here, with their renditions: two
    described, the last decorative. Returns the addresses of the photos' pages."""
    event = EventFactory(
        title="Sample workshop with drawn photos", slug="sample-workshop-with-drawn-photos"
    )
    drawn = [("navy", "A dark blue square"), ("teal", "A teal square"), ("grey", "")]
    urls = []
    for order, (colour, alt_text) in enumerate(drawn):
        photo = PhotoFactory(
            event=event,
            order=order,
            image__width=1200,
            image__height=800,
            image__color=colour,
            image__format="JPEG",
            alt_text=alt_text,
            is_decorative=not alt_text,
            caption=f"Drawn photo {order + 1}" if alt_text else "",
        )
        generate_renditions(photo, image_field="image", renditions_field="renditions")
        urls.append(photo.get_absolute_url())
    return urls


def serve_media(playwright_page):
    """The live server does not serve uploads (DEBUG is off): the browser reads them
    from the test's media folder instead."""

    def fulfil(route):
        name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
        route.fulfill(path=str(Path(settings.MEDIA_ROOT) / name))

    playwright_page.route("**/media/**", fulfil)


def images_loaded(browser_page) -> list[bool]:
    return browser_page.page.evaluate(
        "[...document.images].map(image => image.complete && image.naturalWidth > 0)"
    )


@pytest.mark.parametrize("which", ["event", "photo", "decorative photo"])
def test_gallery_pages_have_no_axe_violations_and_no_console_errors(page, gallery, which):
    path = {"event": GALLERY, "photo": gallery[1], "decorative photo": gallery[2]}[which]
    serve_media(page.page)
    page.open(path)

    assert page.axe_violations() == []
    assert page.console_errors == []


@pytest.mark.parametrize("which", ["event", "photo"])
def test_gallery_pages_fit_a_375px_screen_without_horizontal_scroll(phone, gallery, which):
    serve_media(phone.page)
    phone.open({"event": GALLERY, "photo": gallery[0]}[which])
    phone.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load lazy ones
    # Lazy images start loading after the scroll: wait until each has loaded or failed
    # (on a busy machine, checking at once found two of three still on their way).
    phone.page.wait_for_function("[...document.images].every(image => image.complete)")

    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 375
    assert all(images_loaded(phone))


def tab_to(browser_page, selector, presses=60):
    """Press Tab until the element with focus matches ``selector``; returns whether it did."""
    for _ in range(presses):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate(f"document.activeElement.matches({selector!r})"):
            return True
    return False


def test_gallery_works_by_keyboard_alone_without_javascript(browser, live_server, gallery):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    serve_media(page)
    page.goto(live_server.url + GALLERY)

    assert tab_to(page, ".gallery__link")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Photo 1 of 3"
    assert tab_to(page, "a[rel=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    heading = page.locator("h1").inner_text()
    caption = page.locator("figcaption").inner_text()
    assert tab_to(page, "a[rel=prev]")
    assert tab_to(page, ".photo-nav__back")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    back_at = urlsplit(page.url).path
    context.close()

    assert outline != "none"  # the focus is visible
    assert heading == "Photo 2 of 3"
    assert caption.startswith("Drawn photo 2")
    assert back_at == GALLERY


def test_photo_pages_follow_the_arrow_keys_with_javascript(page, gallery):
    serve_media(page.page)
    page.open(gallery[0])
    shortcut = page.page.get_attribute("a[rel=next]", "aria-keyshortcuts")

    with page.page.expect_navigation():
        page.page.keyboard.press("ArrowRight")
    after_right = page.page.locator("h1").inner_text()
    with page.page.expect_navigation():
        page.page.keyboard.press("ArrowLeft")

    assert shortcut == "ArrowRight"
    assert after_right == "Photo 2 of 3"
    assert page.page.locator("h1").inner_text() == "Photo 1 of 3"
    assert page.console_errors == []


def test_arrow_keys_in_the_search_box_stay_in_the_search_box(page, gallery):
    serve_media(page.page)
    page.open(gallery[0])
    page.page.fill("#site-q", "evidence")

    page.page.keyboard.press("ArrowRight")
    page.page.wait_for_timeout(500)  # time enough for a navigation to begin, were there one

    assert urlsplit(page.page.url).path == gallery[0]


# --- Arabic and Chinese ---------------------------------------------------------------

UN_LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
IN_EVERY_LANGUAGE = tuple(PAGES.values())  # every public page type


@pytest.mark.parametrize("prefix", ["/ar", "/zh-hans"])
def test_arabic_and_chinese_pages_pass_axe_and_fit_a_phone(page, phone, demo, settings, prefix):
    settings.LANGUAGES = UN_LANGUAGES  # offered as their translations will be
    found, widths = {}, {}
    for path in IN_EVERY_LANGUAGE:
        page.open(prefix + path)
        found[path] = page.axe_violations()
        phone.open(prefix + path)
        widths[path] = phone.page.evaluate("document.documentElement.scrollWidth")

    assert {path: violations for path, violations in found.items() if violations} == {}
    assert {path: width for path, width in widths.items() if width > 375} == {}


def test_arabic_pages_are_mirrored(page, demo, settings):
    settings.LANGUAGES = UN_LANGUAGES
    page.open("/ar/events/")

    lefts = page.page.eval_on_selector_all(
        ".site-nav a", "links => links.map(link => link.getBoundingClientRect().left)"
    )
    title = page.page.eval_on_selector(".site-title", "t => t.getBoundingClientRect().left")
    search = page.page.eval_on_selector(".site-search", "s => s.getBoundingClientRect().left")

    assert page.page.evaluate("document.documentElement.dir") == "rtl"
    assert lefts == sorted(lefts, reverse=True)  # the navigation starts on the right
    assert title > search  # the site's name on the right, the search on the left


def platform_fonts(browser_page, selector: str) -> list[dict]:
    """The fonts Chromium drew the text of ``selector`` with (DevTools protocol)."""
    session = browser_page.context.new_cdp_session(browser_page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


#: Fonts with Chinese glyphs: the site's own, or a system's (no download then).
CHINESE_FONTS = {"Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"}


def test_arabic_and_chinese_are_drawn_with_fonts_the_site_serves_or_the_system_has(
    page, demo, settings
):
    settings.LANGUAGES = UN_LANGUAGES
    requested = []
    page.page.on("request", lambda request: requested.append(request.url))
    page.open("/events/")
    page.page.evaluate("document.fonts.ready")

    arabic = platform_fonts(page.page, '.languages-nav a[lang="ar"]')
    chinese = platform_fonts(page.page, '.languages-nav a[lang="zh-hans"]')

    assert [(f["familyName"], f["isCustomFont"]) for f in arabic] == [("Noto Sans Arabic", True)]
    assert {f["familyName"] for f in chinese} <= CHINESE_FONTS
    fonts = [url for url in requested if url.endswith(".woff2")]
    assert fonts
    assert all(url.startswith(page.base_url) for url in requested)  # nothing from elsewhere
