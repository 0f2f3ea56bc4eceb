"""One address per language, hreflang both ways, a switcher that keeps the page and
its filters, right to left for Arabic, and the visitor's language only on a first visit.

Languages are offered once their translation is in the repository (all six are);
these tests choose which by setting LANGUAGES."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import EventFactory, ResolutionFactory

pytestmark = pytest.mark.django_db

ENGLISH_FRENCH = [("en", "English"), ("fr", "Français")]
SIX = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]


def hreflangs(page: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))


@override_settings(LANGUAGES=[("en", "English")])
def test_with_english_alone_there_is_no_prefix_switcher_or_hreflang(client):
    page = client.get("/events/").content.decode()

    assert '<html lang="en" dir="ltr">' in page
    assert hreflangs(page) == {}
    assert 'aria-label="Language"' not in page
    assert client.get("/fr/events/").status_code == 404


@override_settings(LANGUAGES=ENGLISH_FRENCH)
def test_each_page_names_itself_in_every_language_and_keeps_its_filters(client):
    french = client.get("/fr/events/", {"year": "2018"}).content.decode()
    english = client.get("/events/", {"year": "2018"}).content.decode()

    expected = {
        "en": "http://testserver/events/?year=2018",
        "fr": "http://testserver/fr/events/?year=2018",
        "x-default": "http://testserver/events/?year=2018",
    }
    assert '<html lang="fr" dir="ltr">' in french
    assert '<html lang="en" dir="ltr">' in english
    assert hreflangs(french) == expected  # the same set from both: reciprocal
    assert hreflangs(english) == expected
    switch = '<a href="/language/en/?next=/events/%3Fyear%3D2018" lang="en" hreflang="en">'
    assert switch in french
    assert 'lang="fr" hreflang="fr" aria-current="true">Français</a>' in french


@override_settings(LANGUAGES=SIX)
def test_arabic_pages_run_right_to_left_and_every_language_is_offered(client):
    ResolutionFactory(number=2395, year=2017)

    page = client.get("/ar/resolutions/2395/").content.decode()

    assert '<html lang="ar" dir="rtl">' in page
    assert set(hreflangs(page)) == {"ar", "zh-hans", "en", "fr", "ru", "es", "x-default"}
    assert hreflangs(page)["zh-hans"] == "http://testserver/zh-hans/resolutions/2395/"
    assert '<html lang="zh-hans" dir="ltr">' in client.get("/zh-hans/").content.decode()


@override_settings(LANGUAGES=ENGLISH_FRENCH)
def test_a_first_visit_to_the_home_page_goes_to_the_browsers_language(client):
    first = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,en;q=0.5"})
    english = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    client.cookies["django_language"] = "en"  # chosen with the switcher
    chosen = client.get("/", headers={"accept-language": "fr"})
    deep = client.get("/events/", headers={"accept-language": "fr"})

    assert (first.status_code, first["Location"]) == (302, "/fr/")
    assert "Accept-Language" in first["Vary"]
    assert english.status_code == 200
    assert "Accept-Language" in english["Vary"]
    assert chosen.status_code == 200  # a choice is never overridden
    assert deep.status_code == 200  # only the home page guesses


@override_settings(LANGUAGES=ENGLISH_FRENCH)
@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/language/fr/?next=/events/%3Ftheme%3Dx", "/fr/events/?theme=x"),
        ("/language/en/?next=/fr/resolutions/2395/", "/resolutions/2395/"),
        ("/language/fr/?next=https://evil.example/", "/fr/"),
        ("/language/fr/?next=//evil.example/", "/fr/"),
        ("/language/xx/?next=/fr/events/", "/events/"),  # not offered: English
    ],
)
def test_the_switcher_keeps_the_page_and_remembers_the_choice(client, address, target):
    ResolutionFactory(number=2395, year=2017)

    response = client.get(address)

    assert (response.status_code, response["Location"]) == (302, target)
    assert response.cookies["django_language"].value in {"fr", "en"}
    assert "no-cache" in response["Cache-Control"]


@override_settings(LANGUAGES=ENGLISH_FRENCH)
def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(client):
    ResolutionFactory(number=2395, year=2017)

    index = client.get("/sitemap.xml").content.decode()
    sitemap = client.get("/sitemap-resolutions.xml").content.decode()

    assert "<loc>http://testserver/sitemap-resolutions.xml</loc>" in index
    assert "<loc>http://testserver/resolutions/2395/</loc>" in sitemap
    assert "<loc>http://testserver/fr/resolutions/2395/</loc>" in sitemap
    for code, url in (
        ("en", "http://testserver/resolutions/2395/"),
        ("fr", "http://testserver/fr/resolutions/2395/"),
        ("x-default", "http://testserver/resolutions/2395/"),
    ):
        assert f'<xhtml:link rel="alternate" hreflang="{code}" href="{url}"/>' in sitemap


def test_every_language_serves_its_own_texts_and_writes_dates_its_own_way(client):
    """With the catalogues in locale/, all six are offered, each in its own words."""
    event = EventFactory(
        slug="bangkok", start_date=datetime.date(2018, 1, 24), end_date=datetime.date(2018, 1, 25)
    )
    address = event.get_absolute_url()
    pages, menus = {}, {}
    for code, _name in SIX:
        prefix = "" if code == "en" else f"/{code}"
        pages[code] = client.get(prefix + address).content.decode()
        with translation.override(code):
            menus[code] = gettext("Speakers")

    assert [code for code, _name in settings.LANGUAGES] == [code for code, _name in SIX]
    assert len(set(menus.values())) == 6  # six different words, each in its page
    assert [code for code, page in pages.items() if f">{menus[code]}</a>" not in page] == []
    assert "24-25 January 2018" in pages["en"]
    assert "24–25 janvier 2018" in pages["fr"]  # noqa: RUF001 - the en dash these languages write
    assert "24–25 января 2018 года" in pages["ru"]  # noqa: RUF001 - the en dash these languages write
    assert "24–25 de enero de 2018" in pages["es"]  # noqa: RUF001 - the en dash these languages write
    assert "2018年1月24日至25日" in pages["zh-hans"]
    assert "24–25 يناير 2018" in pages["ar"]  # noqa: RUF001 - the en dash these languages write


def test_the_admin_follows_the_users_choice_then_the_browser(client):
    chosen = client.get("/language/ar/", {"next": "/admin/login/"})
    arabic = client.get(chosen["Location"])
    client.cookies.clear()
    french = client.get("/admin/login/", headers={"Accept-Language": "fr-CH, fr;q=0.9"})
    english = client.get("/admin/login/")

    assert chosen["Location"] == "/admin/login/"
    assert '<html lang="ar" dir="rtl"' in arabic.content.decode()
    assert arabic["Content-Language"] == "ar"
    with translation.override("fr"):
        log_in = gettext("Log in")
    assert f'value="{log_in}"' in french.content.decode()
    assert french["Content-Language"] == "fr"
    assert '<html lang="en" dir="ltr"' in english.content.decode()
    assert 'hreflang="zh-hans"' in english.content.decode()  # the admin's own switcher


def test_feeds_calendars_and_citations_speak_the_language_of_their_address(client):
    event = EventFactory(
        slug="bangkok",
        title="Bangkok workshop",
        start_date=datetime.date(2018, 1, 24),
        end_date=datetime.date(2018, 1, 25),
    )
    address = event.get_absolute_url()

    feed = client.get("/fr/events/feed/").content.decode()
    calendar = client.get("/ru/events/calendar.ics").content.decode()
    citation = client.get(f"/es{address}cite.bib").content.decode()

    assert '<feed xml:lang="fr"' in feed
    assert "24–25 janvier 2018" in feed  # noqa: RUF001 - the en dash French writes
    with translation.override("ru"):
        events = gettext("Events")
    assert events in calendar  # the calendar's name
    assert "note = {24–25 de enero de 2018" in citation  # noqa: RUF001
    assert "url = {http://testserver/es/events/bangkok/}" in citation
