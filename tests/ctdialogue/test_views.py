"""The site's own pages: home, health, permanent identifiers, error pages in the site's
design, and no inline or third-party scripts anywhere public."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from ctdialogue import views
from events.exports import (
    EVENT_COLUMNS,
    INITIATIVE_COLUMNS,
    PERSON_COLUMNS,
)
from events.models import Event
from resolutions.exports import RESOLUTION_COLUMNS
from resolutions.models import Resolution
from tests.assertions import assert_not_found, assert_queries_do_not_grow
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
    rich_event,
)

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
    "/data/glance/",
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


def test_permanent_identifier_address_leads_to_the_record(client):
    event = EventFactory(slug="bangkok")
    resolution = ResolutionFactory(number=2396, year=2017)

    assert client.get(f"/id/{event.uid}/")["Location"] == "/events/bangkok/"
    assert client.get(f"/id/{resolution.uid}/")["Location"] == "/resolutions/2396/"


def test_permanent_identifier_of_a_draft_or_nothing_is_a_404(client):
    draft = EventFactory(draft=True)

    assert_not_found(client.get(f"/id/{draft.uid}/"))
    assert_not_found(client.get("/id/00000000-0000-0000-0000-000000000000/"))


def test_home_shows_next_and_latest_events_themes_and_initiatives(client):
    today = timezone.localdate()
    EventFactory(title="Held workshop", start_date=datetime.date(2018, 1, 24))
    EventFactory(
        title="Coming dialogue",
        start_date=today + datetime.timedelta(days=30),
        end_date=None,
        status="planned",
    )
    theme = ThemeFactory(name="Online radicalisation and violent extremism")
    EventFactory(themes=[theme])
    EventFactory(themes=[theme], draft=True)
    EventFactory(themes=[theme], scheduled=True)
    InitiativeFactory(name="Tech Against Terrorism")

    page = client.get("/").content.decode()

    upcoming, latest = page.split('id="latest-title"')
    assert "Coming dialogue" in upcoming
    assert "Held workshop" not in upcoming
    assert "Held workshop" in latest
    assert (
        f'{theme.name}</a> <span class="muted">(1 event)</span>' in page
    )  # the draft and the scheduled event are not counted
    assert "Tech Against Terrorism" in page


def test_home_counts_an_edition_not_yet_held_as_next_whatever_its_dates(client):
    today = timezone.localdate()
    EventFactory(title="Held workshop", start_date=datetime.date(2018, 1, 24))
    EventFactory(
        title="Third workshop",
        start_date=datetime.date(2018, 7, 1),
        end_date=datetime.date(2018, 12, 31),
        date_precision="half_year",
        status="tentative",
    )
    EventFactory(
        title="Called off",
        start_date=today + datetime.timedelta(days=9),
        end_date=None,
        status="cancelled",
    )
    EventFactory(
        title="Scheduled meeting",
        start_date=today + datetime.timedelta(days=9),
        end_date=None,
        status="planned",
        scheduled=True,  # not yet public: in no list
    )

    page = client.get("/").content.decode()

    upcoming, latest = page.split('id="latest-title"')
    assert "Third workshop" in upcoming
    assert "Third workshop" not in latest  # one place only
    assert "No upcoming events are announced yet." not in upcoming
    assert "Called off" not in upcoming
    assert "Scheduled meeting" not in page
    assert "Held workshop" in latest


def test_home_counts_a_themes_events_again_after_each_change(client):
    theme = ThemeFactory(name="Digital evidence")
    first = EventFactory(themes=[theme])

    def shown():
        page = client.get("/").content.decode()
        return re.search(rf'{theme.name}</a> <span class="muted">\((\d+) events?\)', page)[1]

    assert shown() == "1"
    EventFactory(themes=[theme])
    assert shown() == "2"
    later = timezone.now() + datetime.timedelta(days=1)
    Event.objects.filter(pk=first.pk).update(publish_at=later)
    assert shown() == "1"
    first.themes.clear()
    Event.objects.filter(pk=first.pk).update(publish_at=timezone.now())
    assert shown() == "1"


def test_home_names_the_latest_initiatives_and_links_to_all(client):
    for year in range(2001, 2013):
        InitiativeFactory(name=f"Initiative of {year}", launched=year)
    InitiativeFactory(name="Draft initiative", launched=2020, draft=True)

    page = client.get("/").content.decode()

    shown = [year for year in range(2001, 2013) if f"Initiative of {year}<" in page]
    assert shown == list(range(2005, 2013))  # the eight launched last
    assert "Draft initiative" not in page
    assert '<a href="/initiatives/">All 12 initiatives</a>' in page


def test_home_lists_every_initiative_without_a_link_when_few(client):
    InitiativeFactory(name="Tech Against Terrorism")

    page = client.get("/").content.decode()

    assert "Tech Against Terrorism" in page
    assert "All 1 initiatives" not in page


def test_health_reports_database_and_cache_ok(client):
    response = client.get("/health/")

    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    # Outages of either: tests/test_production.py, with real PostgreSQL and Redis.


def test_home_query_count_is_the_same_for_one_and_three_events(client):
    assert_queries_do_not_grow(client, "/", rich_event)


def test_data_page_documents_every_export_column(client):
    page = client.get("/data/").content.decode()

    for columns in (EVENT_COLUMNS, RESOLUTION_COLUMNS, INITIATIVE_COLUMNS, PERSON_COLUMNS):
        for column in columns:
            assert f"<code>{column.name}</code>" in page
    assert "CC BY 4.0" in page


def glance_section(client, heading_id: str) -> str:
    """The section of /data/glance/ under the heading ``heading_id``, read afresh."""
    page = client.get("/data/glance/").content.decode()
    return page.split(f'<section aria-labelledby="{heading_id}">', 1)[1].split("</section>", 1)[0]


def table_rows(html: str) -> list[list[str]]:
    """The text of every cell of every row of the table's body and foot."""
    body = html.split("</thead>", 1)[1]
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


def chart_numbers(html: str) -> list[int]:
    """The numbers the chart writes beside its bars, in the order it draws them."""
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    return [int(value) for value in re.findall(r'class="chart__value"[^>]*>(\d+)</text>', svg)]


@pytest.fixture
def glance_records():
    """Published records with a known count, and a draft and a scheduled one of each
    kind, which must not be counted."""
    evidence = ThemeFactory(name="Digital evidence")
    radicalisation = ThemeFactory(name="Online radicalisation")
    hidden_theme = ThemeFactory(name="Hidden theme", draft=True)
    first = EventFactory(start_date="2017-05-01", end_date=None, themes=[evidence, radicalisation])
    second = EventFactory(start_date="2018-01-24", end_date=None, themes=[evidence])
    EventFactory(start_date="2018-06-01", end_date=None)
    fourth = EventFactory(
        start_date="2019-03-01", end_date=None, themes=[radicalisation, hidden_theme]
    )
    draft = EventFactory(start_date="2018-09-01", end_date=None, themes=[evidence], draft=True)
    later = EventFactory(start_date="2020-09-01", end_date=None, themes=[evidence], scheduled=True)

    ministry = OrganizationFactory(kind="member_state")
    company = OrganizationFactory(kind="private_sector")
    ParticipationFactory(event=first, organization=ministry, role="co_host")
    ParticipationFactory(event=first, organization=ministry, role="participant")
    ParticipationFactory(event=second, organization=ministry)
    ParticipationFactory(event=first, organization=company)
    ParticipationFactory(event=fourth, organization=None, stakeholder_kind="private_sector")
    ParticipationFactory(event=second, organization=None, stakeholder_kind="academia")
    for hidden_event in (draft, later):
        ParticipationFactory(event=hidden_event, organization=company)
        ParticipationFactory(event=hidden_event, organization=None, stakeholder_kind="ngo")
    for trait in ("draft", "scheduled"):
        organization = OrganizationFactory(kind="civil_society", **{trait: True})
        ParticipationFactory(event=first, organization=organization)

    for number, year in ((2341, 2017), (2354, 2017), (2462, 2019)):
        ResolutionFactory(number=number, year=year, adopted_on=None)
    ResolutionFactory(number=2395, year=2018, adopted_on=None, draft=True)
    return ResolutionFactory(number=2500, year=2020, adopted_on=None, scheduled=True)


def test_glance_counts_published_events_once_per_theme_by_year(client, glance_records):
    themes = glance_section(client, "themes-heading")
    assert table_rows(themes) == [
        ["2017", "1", "1", "2"],
        ["2018", "1", "0", "1"],
        ["2019", "0", "1", "1"],
        ["All years", "2", "2", "4"],
    ]
    assert chart_numbers(themes) == [2, 1, 1]  # the last column, drawn
    assert '<th scope="col">Digital evidence</th><th scope="col">Online radicalisation</th>' in (
        themes
    )
    assert themes.count('class="chart__segment"') == 4 + 2  # the segments, and the key
    assert "more than the 4 published events; 1 of them has no theme" in themes
    assert "Hidden theme" not in themes
    assert "2020" not in themes


def test_glance_counts_participation_once_per_event_by_kind(client, glance_records):
    kinds = glance_section(client, "kinds-heading")
    assert table_rows(kinds) == [
        ["Member State government", "2", "1"],
        ["Private sector", "2", "1"],
        ["Academia", "1", "0"],
        ["UN entity", "0", "0"],
        ["Intergovernmental organisation", "0", "0"],
        ["Civil society", "0", "0"],
        ["Professional association", "0", "0"],
        ["Non-governmental organisation", "0", "0"],
    ]
    assert chart_numbers(kinds) == [2, 2, 1, 0, 0, 0, 0, 0]
    assert "Bar chart of 5 participations in events" in kinds


def test_glance_counts_resolutions_per_year_as_they_become_public(client, glance_records):
    scheduled = glance_records

    resolutions = glance_section(client, "resolutions-heading")

    assert table_rows(resolutions) == [["2017", "2"], ["2018", "0"], ["2019", "1"]]
    assert chart_numbers(resolutions) == [2, 1]  # a year without any draws no number
    assert '<title id="resolutions-chart-title">' in resolutions
    assert "Bar chart of 3 resolutions by year, from 2017 to 2019" in resolutions

    # Counted per request: once its time has come, the scheduled one is counted.
    Resolution.objects.filter(pk=scheduled.pk).update(
        publish_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    later = glance_section(client, "resolutions-heading")
    assert table_rows(later)[-1] == ["2020", "1"]


def test_glance_says_so_when_nothing_is_published(client):
    EventFactory(draft=True, themes=[ThemeFactory()])
    ResolutionFactory(scheduled=True)

    page = client.get("/data/glance/").content.decode()

    assert "No published event has a theme yet." in page
    assert "No participation in a published event is on record yet." in page
    assert "No resolution is published yet." in page
    assert "<svg viewBox" not in page


def test_glance_query_count_is_the_same_for_one_and_three_records(client):
    def add_records():
        event = EventFactory(themes=[ThemeFactory()])
        ParticipationFactory(event=event, organization=OrganizationFactory(kind="academia"))
        ParticipationFactory(event=event, organization=None, stakeholder_kind="ngo")
        ResolutionFactory(year=event.start_date.year, adopted_on=None)

    assert_queries_do_not_grow(client, "/data/glance/", add_records)


def test_data_page_and_every_footer_lead_to_the_data_at_a_glance(client):
    data = client.get("/data/").content.decode()
    home = client.get("/").content.decode()

    assert '<a href="/data/glance/">The data at a glance</a>' in data
    assert '<a href="/data/glance/">Data at a glance</a>' in home.split('class="site-footer"')[1]


@pytest.mark.parametrize(
    ("address", "title"),
    [
        ("/", "Asia ICT and CT Dialogue"),
        ("/events/", "Asia ICT and CT Dialogue"),
        ("/resolutions/2396/", "S/RES/2396 (2017)"),
        ("/speakers/ana-ruiz/", "Dr. Ana Ruiz"),
        ("/data/", "Asia ICT and CT Dialogue"),
    ],
)
def test_every_page_has_open_graph_and_twitter_card_data_with_a_default_image(
    client, address, title
):
    ResolutionFactory(number=2396, year=2017)
    PersonFactory(slug="ana-ruiz", honorific="Dr.", name="Ana Ruiz")

    page = client.get(address).content.decode()

    assert f'<meta property="og:title" content="{title}">' in page
    assert f'<meta property="og:url" content="http://testserver{address}">' in page
    assert '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in (
        page
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert page.count('property="og:title"') == 1
