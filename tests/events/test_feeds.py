import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from icalendar import Calendar

from events import feeds
from events.models import Event
from tests.assertions import assert_queries_do_not_grow, count_queries
from tests.factories import (
    ContributionFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PhotoFactory,
    ThemeFactory,
    rich_event,
)

pytestmark = pytest.mark.django_db

D = datetime.date
SITE = "https://ctd.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
FEED_URL = "/events/feed/"
CALENDAR_URL = "/events/calendar.ics"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def atom_entries(response):
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    return root, root.findall(f"{ATOM}entry")


def calendar_events(response) -> dict[str, object]:
    """The VEVENTs of a calendar response, by URL."""
    calendar = Calendar.from_ical(response.content)
    return {str(vevent["url"]): vevent for vevent in calendar.walk("VEVENT")}


def url_of(event):
    return SITE + event.get_absolute_url()


# --- Atom feed ----------------------------------------------------------------


def test_atom_feed_lists_published_events_only(client):
    first = EventFactory(title="Bangkok workshop")
    second = EventFactory(title="Jeju workshop", start_date=D(2017, 5, 1), end_date=None)
    EventFactory(title="Draft workshop", draft=True)
    EventFactory(title="Scheduled workshop", scheduled=True)

    response = client.get(FEED_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root, entries = atom_entries(response)
    assert root.findtext(f"{ATOM}title") == "Asia ICT and CT Dialogue: events"
    assert {entry.findtext(f"{ATOM}title") for entry in entries} == {
        "Bangkok workshop",
        "Jeju workshop",
    }
    assert {entry.find(f"{ATOM}link").get("href") for entry in entries} == {
        url_of(first),
        url_of(second),
    }


def test_atom_feed_entries_have_ids_dates_author_and_plain_summary(client):
    theme = ThemeFactory(name="Digital evidence")
    host = OrganizationFactory(name="Ministry of Foreign Affairs of Thailand")
    event = EventFactory(
        title="Evidence & data",
        summary="<p>Prosecutors on <strong>digital evidence</strong> &amp; MLA.</p>",
        themes=[theme],
    )
    ParticipationFactory(event=event, organization=host, role="co_host")
    ParticipationFactory(event=event, role="participant")

    root, [entry] = atom_entries(client.get(FEED_URL))

    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Asia ICT and CT Dialogue"
    assert entry.findtext(f"{ATOM}title") == "Evidence & data"
    assert entry.findtext(f"{ATOM}id") == f"urn:uuid:{event.uid}"
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert entry.findtext(f"{ATOM}summary") == (
        "24-25 January 2018. Bangkok, Thailand. Prosecutors on digital evidence &amp; MLA."
    )
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == (event.publish_at)
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == (event.updated_at)
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Ministry of Foreign Affairs of Thailand"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["Digital evidence"]


def test_atom_feed_newest_publication_first_and_capped(client, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_LENGTH", 2)
    now = datetime.datetime.now(datetime.UTC)
    for days, title in ((3, "Oldest"), (2, "Middle"), (1, "Newest")):
        EventFactory(title=title, publish_at=now - datetime.timedelta(days=days))

    _root, entries = atom_entries(client.get(FEED_URL))

    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newest", "Middle"]


def test_atom_feed_query_count_does_not_grow_with_events(client):
    assert_queries_do_not_grow(client, FEED_URL, rich_event)


# --- Calendar of the list -----------------------------------------------------


@pytest.fixture
def dated():
    """Events at every precision, with the theme of digital evidence on two."""
    evidence = ThemeFactory(
        name="Digital evidence and mutual legal assistance",
        slug="digital-evidence-and-mutual-legal-assistance",
    )
    return {
        "two_days": EventFactory(
            title="Bangkok workshop",
            start_date=D(2018, 1, 24),
            end_date=D(2018, 1, 25),
            venue="Conference centre",
            themes=[evidence],
        ),
        "one_day": EventFactory(
            title="Briefing", start_date=D(2019, 3, 5), end_date=None, themes=[evidence]
        ),
        "month": EventFactory(
            title="Jeju workshop", start_date=D(2017, 5, 1), end_date=None, date_precision="month"
        ),
        "half_year": EventFactory(
            title="Third workshop",
            start_date=D(2018, 7, 1),
            end_date=D(2018, 12, 31),
            date_precision="half_year",
            status=Event.Status.TENTATIVE,
        ),
        "cancelled": EventFactory(
            title="Cancelled meeting",
            start_date=D(2020, 4, 2),
            end_date=None,
            status=Event.Status.CANCELLED,
        ),
        "draft": EventFactory(title="Draft", draft=True),
        "scheduled": EventFactory(title="Scheduled", scheduled=True),
    }


def test_calendar_lists_published_events_with_headers(client, dated):
    response = client.get(CALENDAR_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="ctdialogue-events.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Asia ICT and CT Dialogue: events"
    assert set(calendar_events(response)) == {
        url_of(dated[name]) for name in ("two_days", "one_day", "cancelled")
    }


def test_calendar_two_day_event_is_all_day_with_exclusive_end(client, dated):
    event = dated["two_days"]

    vevent = calendar_events(client.get(CALENDAR_URL))[url_of(event)]

    assert vevent["DTSTART"].dt == D(2018, 1, 24)
    assert vevent["DTEND"].dt == D(2018, 1, 26)
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert str(vevent["UID"]) == str(event.uid)
    assert str(vevent["SUMMARY"]) == "Bangkok workshop"
    assert str(vevent["LOCATION"]) == "Conference centre, Bangkok, Thailand"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["TRANSP"]) == "OPAQUE"
    assert vevent["DTSTAMP"].dt == event.updated_at.replace(microsecond=0)
    assert vevent.categories == ["Digital evidence and mutual legal assistance"]
    assert str(vevent["DESCRIPTION"]) == f"A workshop.\n\nMore: {url_of(event)}"


def test_calendar_single_day_event_ends_next_day(client, dated):
    vevent = calendar_events(client.get(CALENDAR_URL))[url_of(dated["one_day"])]

    assert (vevent["DTSTART"].dt, vevent["DTEND"].dt) == (D(2019, 3, 5), D(2019, 3, 6))


def test_calendar_leaves_out_events_whose_days_are_not_known_and_says_so(client, dated):
    # Not even when the date was not normalised to its period.
    loose = EventFactory(start_date=D(2018, 9, 15), end_date=None, date_precision="half_year")

    response = client.get(CALENDAR_URL)

    urls = set(calendar_events(response))
    assert not urls & {url_of(dated["month"]), url_of(dated["half_year"]), url_of(loose)}
    description = str(Calendar.from_ical(response.content)["X-WR-CALDESC"])
    assert "Events whose days are not yet known (only the month, half-year or year)" in description
    assert f"they are listed at {SITE}/events/." in description


def test_calendar_tentative_event_with_known_days_is_tentative(client):
    event = EventFactory(
        title="Expert meeting",
        start_date=D(2019, 6, 3),
        end_date=None,
        status=Event.Status.TENTATIVE,
    )

    vevent = calendar_events(client.get(CALENDAR_URL))[url_of(event)]

    assert (vevent["DTSTART"].dt, vevent["DTEND"].dt) == (D(2019, 6, 3), D(2019, 6, 4))
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert str(vevent["SUMMARY"]) == "Expert meeting (tentative)"
    assert str(vevent["TRANSP"]) == "OPAQUE"


def test_calendar_cancelled_event_is_cancelled(client, dated):
    vevent = calendar_events(client.get(CALENDAR_URL))[url_of(dated["cancelled"])]

    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]) == "Cancelled meeting (cancelled)"


def test_calendar_theme_filter_gives_only_that_theme(client, dated):
    response = client.get(CALENDAR_URL, {"theme": "digital-evidence-and-mutual-legal-assistance"})

    assert set(calendar_events(response)) == {url_of(dated["two_days"]), url_of(dated["one_day"])}
    description = str(Calendar.from_ical(response.content)["X-WR-CALDESC"])
    assert "Theme: Digital evidence and mutual legal assistance" in description


def test_calendar_year_status_and_country_filters_combine(client, dated):
    response = client.get(
        CALENDAR_URL, {"year": "2018", "status": "held", "country": "TH", "sort": "title"}
    )

    assert set(calendar_events(response)) == {url_of(dated["two_days"])}
    assert str(Calendar.from_ical(response.content)["X-WR-CALDESC"]).startswith(
        "Events of the Asia ICT and CT Dialogue matching "
        "Year: 2018; Country: Thailand; Status: Held. "
    )


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"year": "abc"}, "Year: enter a year as four digits"),
        ({"theme": ["digital-evidence-and-mutual-legal-assistance", "nope"]}, "“nope”"),
        ({"q": "evidence\x00"}, "NUL character"),
        ({"sort": "x"}, "Sort"),
        ({"page": "2"}, "“page” is not a parameter of this list"),
    ],
)
@pytest.mark.parametrize("address", [CALENDAR_URL, FEED_URL])
def test_calendar_and_feed_refuse_what_they_cannot_use_with_the_reason(
    client, dated, params, problem, address
):
    response = client.get(address, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain"
    body = response.content.decode()
    assert body.startswith("Some parameters could not be understood:")
    assert problem in body


def test_feed_takes_the_events_lists_filters(client, dated):
    _root, entries = atom_entries(
        client.get(FEED_URL, {"theme": "digital-evidence-and-mutual-legal-assistance"})
    )

    assert {entry.findtext(f"{ATOM}title") for entry in entries} == {"Bangkok workshop", "Briefing"}


def test_calendar_keeps_the_newest_events_up_to_the_limit(client, dated, monkeypatch):
    monkeypatch.setattr(feeds, "CALENDAR_LIMIT", 2)

    response = client.get(CALENDAR_URL)

    assert set(calendar_events(response)) == {url_of(dated["cancelled"]), url_of(dated["one_day"])}


def test_calendar_empty_is_still_a_calendar(client):
    response = client.get(CALENDAR_URL)

    assert response.status_code == 200
    assert Calendar.from_ical(response.content).walk("VEVENT") == []


def test_calendar_query_count_does_not_grow_with_events(client):
    theme = ThemeFactory(slug="evidence")
    rich_event().themes.add(theme)
    url = f"{CALENDAR_URL}?theme=evidence&year=2018"
    one = count_queries(client, url)
    rich_event().themes.add(theme)
    rich_event().themes.add(theme)

    assert count_queries(client, url) == one
    assert len(calendar_events(client.get(url))) == 3


# --- One event's calendar file --------------------------------------------------


def test_event_ics_has_one_event(client):
    event = EventFactory(slug="bangkok-2018", title="Bangkok workshop")

    response = client.get(reverse("events:event-ics", kwargs={"slug": event.slug}))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="bangkok-2018.ics"'
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Bangkok workshop"
    assert (vevent["DTSTART"].dt, vevent["DTEND"].dt) == (D(2018, 1, 24), D(2018, 1, 26))
    assert str(calendar["X-WR-CALNAME"]) == "Bangkok workshop"


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_event_ics_not_public_is_404_for_visitors(client, trait):
    event = EventFactory(**{trait: True})

    response = client.get(reverse("events:event-ics", kwargs={"slug": event.slug}))

    assert response.status_code == 404


def test_event_ics_draft_is_shown_to_staff(staff_client):
    event = EventFactory(draft=True, title="Draft workshop")

    response = staff_client.get(reverse("events:event-ics", kwargs={"slug": event.slug}))

    assert response.status_code == 200
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Draft workshop"


def test_event_ics_unknown_slug_is_404(client):
    assert client.get("/events/no-such-event/calendar.ics").status_code == 404


def test_event_ics_refuses_post(client):
    event = EventFactory()

    response = client.post(reverse("events:event-ics", kwargs={"slug": event.slug}))

    assert response.status_code == 405


# --- Open Graph and JSON-LD on the event page -------------------------------------

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld_of(response):
    [text] = JSON_LD.findall(response.content.decode())
    return json.loads(text)


def test_event_page_json_ld_describes_the_event(client):
    theme = ThemeFactory()
    event = EventFactory(
        title="Bangkok workshop",
        slug="bangkok",
        venue="UN Conference Centre",
        summary="<p>On <em>digital</em> evidence.</p>",
        themes=[theme],
    )
    host = OrganizationFactory(name="Ministry of Foreign Affairs", slug="mofa")
    ParticipationFactory(event=event, organization=host, role="co_host")
    ParticipationFactory(
        event=event,
        organization=None,
        stakeholder_kind="un_entity",
        role="organiser",
        description="UN counter-terrorism bodies",
    )
    ParticipationFactory(event=event, role="participant")
    speaker = PersonFactory(honorific="Mr.", name="Andrei Kovalenko", slug="andrei")
    ContributionFactory(event=event, person=speaker)
    ContributionFactory(event=event, person=speaker, role="moderator")
    photo = PhotoFactory(event=event)

    data = json_ld_of(client.get(event.get_absolute_url()))

    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Bangkok workshop",
        "url": f"{SITE}/events/bangkok/",
        "startDate": "2018-01-24",
        "endDate": "2018-01-25",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": "en",
        "description": "On digital evidence.",
        "location": {
            "@type": "Place",
            "name": "UN Conference Centre",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Bangkok",
                "addressCountry": "TH",
            },
        },
        "organizer": [
            {
                "@type": "Organization",
                "name": "Ministry of Foreign Affairs",
                "url": f"{SITE}/stakeholders/mofa/",
            },
            {"@type": "Organization", "name": "UN counter-terrorism bodies"},
        ],
        "performer": [
            {
                "@type": "Person",
                "name": "Mr. Andrei Kovalenko",
                "jobTitle": "Director",
                "url": f"{SITE}/speakers/andrei/",
            }
        ],
        "image": [SITE + photo.image.url],
    }


def test_event_page_without_known_days_has_no_event_data_calendar_or_invented_day(client):
    event = EventFactory(
        start_date=D(2018, 7, 1),
        end_date=D(2018, 12, 31),
        date_precision="half_year",
        status=Event.Status.TENTATIVE,
    )

    response = client.get(event.get_absolute_url())
    page = response.content.decode()

    assert "application/ld+json" not in page
    ics_url = reverse("events:event-ics", kwargs={"slug": event.slug})
    assert ics_url not in page
    assert '<time datetime="2018">Second half of 2018 (tentative)</time>' in page
    assert f'<meta property="og:url" content="{SITE}{event.get_absolute_url()}">' in page
    ics = client.get(ics_url)
    assert ics.status_code == 404
    assert "are not known yet (Second half of 2018 (tentative))" in ics.content.decode()


def test_event_page_json_ld_tentative_event_has_no_status(client):
    event = EventFactory(start_date=D(2019, 6, 3), end_date=None, status=Event.Status.TENTATIVE)

    data = json_ld_of(client.get(event.get_absolute_url()))

    assert data["startDate"] == "2019-06-03"
    assert "eventStatus" not in data


def test_event_page_json_ld_leaves_out_draft_hosts_and_speakers(staff_client):
    event = EventFactory()
    host = OrganizationFactory(draft=True, website="https://example.org/mofa")
    ParticipationFactory(event=event, organization=host, role="organiser")
    ContributionFactory(event=event, person=PersonFactory(draft=True, position=""))

    # Even a member of staff previewing the page sees what the public would see.
    data = json_ld_of(staff_client.get(event.get_absolute_url()))

    assert "organizer" not in data
    assert "performer" not in data


def test_event_page_json_ld_names_no_speaker_under_chatham_house_rule(client):
    event = EventFactory()
    ContributionFactory(event=event, person=PersonFactory(name="Named Speaker"))
    ContributionFactory(event=event, person=PersonFactory(name="Unnamed"), chatham_house_rule=True)
    closed = EventFactory(chatham_house_rule=True)
    ContributionFactory(event=closed, person=PersonFactory(name="Also unnamed"))

    open_data = json_ld_of(client.get(event.get_absolute_url()))
    closed_page = client.get(closed.get_absolute_url())

    assert [person["name"] for person in open_data["performer"]] == ["Ms. Named Speaker"]
    assert "performer" not in json_ld_of(closed_page)


def test_atom_and_calendar_identifiers_survive_a_new_slug(client):
    event = EventFactory(slug="old")
    before = (
        atom_entries(client.get(FEED_URL))[1][0].findtext(f"{ATOM}id"),
        str(Calendar.from_ical(client.get(CALENDAR_URL).content).walk("VEVENT")[0]["UID"]),
    )
    event.slug = "new"
    event.save()

    after = (
        atom_entries(client.get(FEED_URL))[1][0].findtext(f"{ATOM}id"),
        str(Calendar.from_ical(client.get(CALENDAR_URL).content).walk("VEVENT")[0]["UID"]),
    )

    assert after == before


def test_event_page_json_ld_cannot_be_broken_out_of(client):
    attack = "</script><script>alert(1)</script>"
    event = EventFactory(title=f"Workshop {attack}", summary=f"A &amp; B {attack}")

    response = client.get(event.get_absolute_url())

    page = response.content.decode()
    assert "</script><script>alert(1)" not in page
    data = json_ld_of(response)
    assert data["name"] == f"Workshop {attack}"
    assert "\\u003C/script\\u003E" in JSON_LD.search(page).group(1)


def test_event_page_without_photo_has_the_sites_own_og_image(client):
    event = EventFactory(summary="")

    page = client.get(event.get_absolute_url()).content.decode()

    assert f'<meta property="og:image" content="{SITE}/static/img/og-default.png">' in page
    assert page.count('property="og:title"') == 1
    assert '<meta property="og:description" content="24-25 January 2018">' in page
    assert "description" not in json_ld_of(client.get(event.get_absolute_url()))
