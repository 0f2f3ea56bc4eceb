import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    ContributionFactory,
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PhotoFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def make_rich_event(n, series=None):
    event = EventFactory(
        series=series,
        edition=n if series else None,
        themes=[ThemeFactory(), ThemeFactory()],
    )
    ParticipationFactory(event=event, role="co_host")
    ParticipationFactory(event=event, organization=None, stakeholder_kind="academia")
    ContributionFactory(event=event)
    InitiativeFactory().events.add(event)
    ResolutionFactory().events.add(event)
    PhotoFactory(event=event)
    return event


def test_event_detail_shows_dates_hosts_speakers_and_links(client):
    theme = ThemeFactory(name="Digital evidence and mutual legal assistance")
    event = EventFactory(
        title="2nd workshop",
        slug="bangkok",
        start_date=datetime.date(2018, 1, 24),
        end_date=datetime.date(2018, 1, 25),
        themes=[theme],
    )
    host = OrganizationFactory(name="Ministry of Foreign Affairs of Thailand")
    ParticipationFactory(event=event, organization=host, role="co_host")
    ParticipationFactory(
        event=event, organization=None, stakeholder_kind="academia", description="Academics"
    )
    speaker = PersonFactory(honorific="Mr.", name="Andrei Kovalenko", position="Director")
    ContributionFactory(event=event, person=speaker, quotation="Words <b>on</b> record.")
    initiative = InitiativeFactory(name="Tech Against Terrorism")
    initiative.events.add(event)
    ResolutionFactory(number=2395, year=2017).events.add(event)
    ResolutionFactory(number=2396, year=2017, draft=True).events.add(event)

    page = client.get("/events/bangkok/").content.decode()

    assert "24-25 January 2018" in page
    assert "Ministry of Foreign Affairs of Thailand" in page
    assert "Mr. Andrei Kovalenko" in page
    assert '<blockquote lang="en"><p>Words &lt;b&gt;on&lt;/b&gt; record.</p></blockquote>' in page
    assert "Academics" in page
    assert "Digital evidence and mutual legal assistance" in page
    assert "Tech Against Terrorism" in page
    assert "S/RES/2395 (2017)" in page
    assert "S/RES/2396 (2017)" not in page


def test_event_detail_sanitises_body_html(client):
    EventFactory(
        slug="xss",
        body='<p>Kept <em>text</em></p><script>alert(1)</script><a href="javascript:x()">l</a>',
    )

    page = client.get("/events/xss/").content.decode()

    assert "<p>Kept <em>text</em></p>" in page
    assert "<script>alert(1)" not in page
    assert "javascript:" not in page


def test_event_detail_links_previous_and_next_editions(client):
    series = EventSeriesFactory()
    first = EventFactory(series=series, edition=1, title="First")
    EventFactory(series=series, edition=2, slug="second")
    third = EventFactory(series=series, edition=3, title="Third")

    page = client.get("/events/second/").content.decode()

    assert f'<a rel="prev" href="{first.get_absolute_url()}">' in page
    assert f'<a rel="next" href="{third.get_absolute_url()}">' in page


def test_unknown_event_is_a_404_in_the_site_design(client):
    response = client.get("/events/no-such-event/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "skip-link" in response.content.decode()


def test_event_detail_query_count_does_not_grow_with_related_rows(client, count_queries):
    series = EventSeriesFactory()
    one = make_rich_event(1, series)
    many = make_rich_event(2, series)
    for _ in range(2):
        ParticipationFactory(event=many)
        ContributionFactory(event=many)
        PhotoFactory(event=many)
        ResolutionFactory().events.add(many)
        InitiativeFactory().events.add(many)
        many.themes.add(ThemeFactory())

    assert count_queries(client, one.get_absolute_url()) == count_queries(
        client, many.get_absolute_url()
    )


@pytest.mark.parametrize(
    "url",
    ["/", "/events/", "/initiatives/", "/stakeholders/", "/speakers/", "/resolutions/"],
)
def test_list_page_query_count_is_the_same_for_one_and_three_rows(client, url, count_queries):
    make_rich_event(1)
    InitiativePartnerFactory()
    with_one = count_queries(client, url)

    make_rich_event(2)
    make_rich_event(3)
    InitiativePartnerFactory()
    InitiativePartnerFactory()

    assert count_queries(client, url) == with_one


@pytest.mark.parametrize(
    "factory_url",
    ["theme", "series", "initiative", "organization", "person", "resolution"],
)
def test_detail_page_query_count_is_the_same_for_one_and_three_events(
    client, factory_url, count_queries
):
    theme = ThemeFactory()
    series = EventSeriesFactory()
    initiative = InitiativeFactory()
    organization = OrganizationFactory()
    person = PersonFactory()
    resolution = ResolutionFactory()
    objects = {
        "theme": theme,
        "series": series,
        "initiative": initiative,
        "organization": organization,
        "person": person,
        "resolution": resolution,
    }

    def add_event(n):
        event = make_rich_event(n, series)
        event.themes.add(theme)
        initiative.events.add(event)
        ParticipationFactory(event=event, organization=organization)
        ContributionFactory(event=event, person=person)
        resolution.events.add(event)

    add_event(1)
    url = objects[factory_url].get_absolute_url()
    with_one = count_queries(client, url)
    add_event(2)
    add_event(3)

    assert count_queries(client, url) == with_one


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
    InitiativeFactory(name="Tech Against Terrorism")

    page = client.get("/").content.decode()

    upcoming, latest = page.split('id="latest-title"')
    assert "Coming dialogue" in upcoming
    assert "Held workshop" not in upcoming
    assert "Held workshop" in latest
    assert (
        f'{theme.name}</a> <span class="muted">(1 event)</span>' in page
    )  # the draft event is not counted
    assert "Tech Against Terrorism" in page


def test_event_list_paginates_and_keeps_order(client):
    for day in range(1, 23):
        EventFactory(
            title=f"Event {day:02d}", start_date=datetime.date(2019, 1, day), end_date=None
        )

    first = client.get("/events/").content.decode()
    second = client.get("/events/?page=2").content.decode()

    assert "22 events" in first
    assert first.index("Event 22") < first.index("Event 21")
    assert "Event 02" in second
    assert "Event 01" in second
    assert "Event 22" not in second


def test_health_reports_database_ok(client):
    response = client.get("/health/")

    assert response.json() == {"status": "ok", "database": "ok"}
