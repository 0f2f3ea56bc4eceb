"""The admin pages staff use every day, in Chromium at 1,280 px: nothing scrolls
sideways (the page, or a table inside it), no list column is squeezed to a strip, and
axe-core finds no violation on the pages used most."""

import pytest
from django.contrib.auth import get_user_model

from events.models import (
    Attachment,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Organization,
    Participation,
    Person,
    Photo,
    Theme,
)
from resolutions.models import Resolution
from tests.factories import AttachmentFactory, PhotoFactory

pytestmark = pytest.mark.e2e

DAILY = [Event, Theme, Organization, Person, EventSeries, Initiative, Resolution, Photo,
         Attachment, Participation, Contribution]  # fmt: skip

#: The admin's six languages: its words are longest in Russian, its columns narrowest
#: in Chinese, and Arabic runs right to left.
ADMIN_LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]

#: How far the page, and any scrolling box inside it, reaches past its width; and the
#: narrowest column of a changelist.
MEASURE = """() => {
  const inside = [...document.querySelectorAll('#content *')].filter(el => {
    const overflow = getComputedStyle(el).overflowX;
    return ['auto', 'scroll'].includes(overflow) && el.scrollWidth > el.clientWidth + 1;
  }).map(el => el.scrollWidth - el.clientWidth);
  const columns = [...document.querySelectorAll(
    '#result_list thead th:not(.action-checkbox-column)')].map(
    th => th.getBoundingClientRect().width);
  return {
    beyond: Math.max(document.documentElement.scrollWidth - innerWidth, 0, ...inside),
    narrowest: columns.length ? Math.round(Math.min(...columns)) : null,
  };
}"""


#: Markup that scripts of the admin's own widgets write in the browser, which this
#: project does not render and cannot label: the select2 boxes of Django's autocomplete
#: fields (the <select> they stand for is labelled), and TinyMCE's resize handle.
THIRD_PARTY_WIDGETS = (".select2-container", ".tox-statusbar__resize-handle")


@pytest.fixture
def admin_page(page, demo):
    get_user_model().objects.create_superuser("staff", "staff@example.org", "a-long-passphrase")
    page.sign_in("staff", "a-long-passphrase")
    return page


def daily_paths():
    paths = ["/admin/", "/admin/events/event/add/"]
    for model in DAILY:
        opts = model._meta
        paths.append(f"/admin/{opts.app_label}/{opts.model_name}/")
        first = model.objects.order_by("pk").first()
        if first is not None:
            paths.append(f"/admin/{opts.app_label}/{opts.model_name}/{first.pk}/change/")
    return paths


@pytest.fixture
def photo_and_document():
    """The demo has neither: one of each, with long words, so that their lists have a
    row to measure (a stored file's path is one long word)."""
    event = Event.objects.get(slug="2nd-asia-ict-ct-dialogue-bangkok")
    PhotoFactory(
        event=event,
        caption="Participants of the second workshop during the opening session",
        credit="Ministry of Foreign Affairs of Thailand",
    )
    AttachmentFactory(event=event, title="Concept note of the second workshop on ICT and CT")


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_daily_admin_pages_fit_1280_pixels(admin_page, language, photo_and_document):
    admin_page.open(f"/language/{language}/?next=/admin/")  # the switcher's cookie
    assert admin_page.page.evaluate("document.documentElement.lang") == language
    misfits = {}
    for path in daily_paths():
        admin_page.open(path)
        measured = admin_page.page.evaluate(MEASURE)
        if measured["beyond"] > 0 or (measured["narrowest"] or 100) < 48:
            misfits[path] = measured

    assert misfits == {}
    assert len(daily_paths()) >= 20


def test_daily_admin_pages_have_no_axe_violations(admin_page):
    event = Event.objects.get(slug="2nd-asia-ict-ct-dialogue-bangkok")
    resolution = Resolution.objects.get(number=2396)
    paths = [
        "/admin/",
        "/admin/events/event/",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/resolutions/resolution/{resolution.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
        "/admin/two-factor/",
        "/admin/two-factor/setup/",
    ]
    found = {}
    for path in paths:
        admin_page.open(path)
        found[path] = admin_page.axe_violations(exclude=THIRD_PARTY_WIDGETS)
    admin_page.page.context.clear_cookies()
    admin_page.open("/admin/login/")
    found["/admin/login/"] = admin_page.axe_violations()

    assert {path: violations for path, violations in found.items() if violations} == {}


def test_the_admin_in_arabic_runs_right_to_left_fits_and_has_no_axe_violations(admin_page):
    """The admin in the language its user chose: Django's Arabic and ours, mirrored."""
    event = Event.objects.get(slug="2nd-asia-ict-ct-dialogue-bangkok")
    admin_page.open("/language/ar/?next=/admin/")
    paths = [
        "/admin/",
        "/admin/events/event/",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
        "/admin/resolutions/resolution/",
    ]
    found, misfits, directions = {}, {}, set()
    for path in paths:
        admin_page.open(path)
        directions.add(admin_page.page.evaluate("document.documentElement.dir"))
        found[path] = admin_page.axe_violations(exclude=THIRD_PARTY_WIDGETS)
        measured = admin_page.page.evaluate(MEASURE)
        if measured["beyond"] > 0:
            misfits[path] = measured

    assert directions == {"rtl"}
    assert {path: violations for path, violations in found.items() if violations} == {}
    assert misfits == {}
