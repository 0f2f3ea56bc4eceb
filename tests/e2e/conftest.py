"""Browser tests: Debian's Chromium driven by Playwright, against a live server.

Playwright's own browser download does not work on these machines, so the
tests launch /usr/bin/chromium (override with CHROMIUM_PATH). Without the
browser or axe-core the tests are skipped with a reason locally; on CI they
must run, so there a missing piece is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

# Playwright's sync API keeps an event loop in the test thread; Django's ORM
# refuses to run there unless told the calls are in fact synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing():
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    if not AXE.exists():
        missing.append("axe-core not installed (npm ci)")
    return missing


@pytest.fixture(scope="session")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail("; ".join(missing))
        pytest.skip("; ".join(missing))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


class Page:
    """A browser page that records console errors and failed requests."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.console_errors = []
        page.on(
            "console",
            lambda message: (
                self.console_errors.append(message.text) if message.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def open(self, path):
        response = self.page.goto(self.base_url + path, wait_until="load")
        return response

    def sign_in(self, username, password):
        """Sign in to the admin as a member of staff would."""
        self.open("/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        with self.page.expect_navigation():
            self.page.click("input[type=submit]")

    def axe_violations(self, exclude=()):
        """WCAG 2.0-2.2 A and AA violations on the page, leaving out the elements
        matched by the CSS selectors in ``exclude`` (each left out with a reason)."""
        # Evaluated by the browser's debugging protocol, not added as a <script>: the
        # site's Content-Security-Policy blocks inline scripts, as it should.
        self.page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
        result = self.page.evaluate(
            """async (exclude) => await axe.run(
                {include: [document], exclude: exclude.map(selector => [selector])}, {
                runOnly: {type: 'tag', values: [
                    'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'
                ]},
                resultTypes: ['violations'],
            })""",
            list(exclude),
        )
        return [
            {
                "id": violation["id"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]][:5],
            }
            for violation in result["violations"]
        ]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Page(context.new_page(), live_server.url)
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport={"width": 375, "height": 800}, device_scale_factor=1)
    yield Page(context.new_page(), live_server.url)
    context.close()
