import datetime
import itertools
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile

from ctdialogue.publishing.identifiers import remember_old_slug
from tests.assertions import assert_not_found, assert_queries_do_not_grow, count_queries
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
    rich_event,
)
from tests.records import read_csv
from tests.uploads import image_bytes

pytestmark = pytest.mark.django_db


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
    quotation = "<p>Words &lt;b&gt;on&lt;/b&gt; record.</p>"
    assert f'<blockquote lang="en" dir="auto">{quotation}</blockquote>' in page
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


def test_event_detail_query_count_does_not_grow_with_related_rows(client):
    series = EventSeriesFactory()
    one = rich_event(series=series, edition=1)
    many = rich_event(series=series, edition=2)
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
    ["/events/", "/initiatives/", "/stakeholders/", "/speakers/"],
)
def test_list_page_query_count_is_the_same_for_one_and_three_rows(client, url):
    def add():
        InitiativePartnerFactory(initiative=rich_event().initiatives.get())

    assert_queries_do_not_grow(client, url, add)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/fr/events/", "Atelier"),
        ("/fr/initiatives/", "Thème"),
        ("/fr/stakeholders/", "Organisation"),
        ("/fr/speakers/", "Intervenant"),
        ("/fr/search/?q=workshop", "Atelier"),
    ],
)
def test_a_translated_list_makes_as_many_queries_for_one_row_as_for_three(client, url, shown):
    """Reading a translation never costs a query per row (``text_columns``)."""

    def add():
        event = rich_event(title="Workshop", title_fr="Atelier")
        for theme in event.themes.all():
            theme.name_fr = f"Thème {theme.pk}"
            theme.save()
        for participation in event.participations.exclude(organization=None):
            participation.organization.name_fr = f"Organisation {participation.organization.pk}"
            participation.organization.save()
        for contribution in event.contributions.all():
            contribution.person.name_fr = f"Intervenant {contribution.person.pk}"
            contribution.person.save()
        InitiativePartnerFactory(initiative=event.initiatives.get())

    add()
    assert shown in client.get(url).content.decode()
    assert_queries_do_not_grow(client, url, add)


@pytest.mark.parametrize(
    "factory_url",
    ["theme", "series", "initiative", "organization", "person"],
)
def test_detail_page_query_count_is_the_same_for_one_and_three_events(client, factory_url):
    theme = ThemeFactory()
    series = EventSeriesFactory()
    initiative = InitiativeFactory()
    organization = OrganizationFactory()
    person = PersonFactory()
    objects = {
        "theme": theme,
        "series": series,
        "initiative": initiative,
        "organization": organization,
        "person": person,
    }
    editions = itertools.count(1)

    def add_event():
        event = rich_event(series=series, edition=next(editions))
        event.themes.add(theme)
        initiative.events.add(event)
        ParticipationFactory(event=event, organization=organization)
        ContributionFactory(event=event, person=person)

    assert_queries_do_not_grow(client, objects[factory_url].get_absolute_url(), add_event)


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


BIO = "<p>Twenty years in criminal justice reform.</p>"


def person_with_portrait(consent):
    person = PersonFactory(
        name="Amina Rahman",
        position="Senior Prosecutor",
        bio=BIO,
        consent_to_publish=consent,
    )
    person.photo.save("portrait.png", ContentFile(image_bytes((300, 400))), save=True)
    return person


def test_person_page_without_consent_hides_photo_and_biography(client):
    person = person_with_portrait(consent=False)

    page = client.get(person.get_absolute_url()).content.decode()

    assert "Ms. Amina Rahman" in page
    assert "Senior Prosecutor" in page
    assert "Twenty years in criminal justice reform." not in page
    assert person.photo.url not in page
    assert 'class="portrait"' not in page


def test_person_page_with_consent_shows_photo_and_biography(client):
    person = person_with_portrait(consent=True)

    page = client.get(person.get_absolute_url()).content.decode()

    assert f'<div class="prose">{BIO}</div>' in page
    assert (
        f'<img src="{person.photo.url}" width="300" height="400" alt="Ms. Amina Rahman" '
        'loading="lazy" decoding="async" class="portrait">'
    ) in page


def test_event_page_without_consent_hides_speaker_photo(client):
    person = person_with_portrait(consent=False)
    contribution = ContributionFactory(person=person)

    page = client.get(contribution.event.get_absolute_url()).content.decode()

    assert "Ms. Amina Rahman" in page
    assert person.photo.url not in page


def test_event_page_with_consent_shows_speaker_photo(client):
    person = person_with_portrait(consent=True)
    contribution = ContributionFactory(person=person)

    page = client.get(contribution.event.get_absolute_url()).content.decode()

    assert (
        f'<img src="{person.photo.url}" width="300" height="400" alt="Ms. Amina Rahman" '
        'loading="lazy" decoding="async" class="portrait portrait--small">'
    ) in page


def test_speaker_list_shows_a_portrait_only_with_consent(client):
    consenting = person_with_portrait(consent=True)
    PersonFactory(name="Ben Okafor", consent_to_publish=False, photo=consenting.photo.name, bio=BIO)

    page = client.get("/speakers/").content.decode()

    assert "Ben Okafor" in page
    assert page.count(consenting.photo.url) == 1
    assert (
        f'<img src="{consenting.photo.url}" width="300" height="400" alt="Ms. Amina Rahman" '
        'loading="lazy" decoding="async" class="portrait portrait--list">'
    ) in page
    assert "Twenty years" not in page


QUOTATION = "Platforms and prosecutors need a common language for digital evidence."


def speaker():
    organization = OrganizationFactory(name="Ministry of Justice of Ruritania")
    return PersonFactory(
        name="Jonas Lindqvist",
        slug="jonas-lindqvist",
        position="Head of Cyber Unit",
        organization=organization,
        consent_to_publish=True,
        bio="<p>Known for his work on e-evidence.</p>",
    )


def assert_not_attributed(page, person):
    for trace in (
        person.name,
        person.position,
        person.get_absolute_url(),
        person.organization.name,
    ):
        assert trace not in page, trace


def test_event_under_chatham_house_rule_shows_quotation_without_speaker(client):
    person = speaker()
    event = EventFactory(chatham_house_rule=True)
    ContributionFactory(event=event, person=person, quotation=QUOTATION, summary="On evidence.")

    page = client.get(event.get_absolute_url()).content.decode()

    assert f"<p>{QUOTATION}</p>" in page
    assert "<figcaption>A participant</figcaption>" in page
    assert '<p class="contribution__who">A participant' in page
    assert "Held under the Chatham House rule" in page
    assert_not_attributed(page, person)


def test_session_under_chatham_house_rule_hides_only_its_speaker(client):
    person = speaker()
    named = PersonFactory(name="Open Speaker", position="Director")
    event = EventFactory()
    ContributionFactory(event=event, person=named, quotation="Said on the record.", order=0)
    ContributionFactory(
        event=event, person=person, quotation=QUOTATION, chatham_house_rule=True, order=1
    )

    page = client.get(event.get_absolute_url()).content.decode()

    assert f"<p>{QUOTATION}</p>" in page
    assert "<figcaption>A participant</figcaption>" in page
    assert "<figcaption>Ms. Open Speaker, Director</figcaption>" in page
    assert_not_attributed(page, person)


def test_event_page_attributes_quotation_without_chatham_house_rule(client):
    person = speaker()
    event = EventFactory()
    ContributionFactory(event=event, person=person, quotation=QUOTATION)

    page = client.get(event.get_absolute_url()).content.decode()

    assert "<figcaption>Ms. Jonas Lindqvist, Head of Cyber Unit</figcaption>" in page
    assert f'<a href="{person.get_absolute_url()}">Ms. Jonas Lindqvist</a>' in page
    assert "A participant" not in page


def test_person_page_does_not_list_contributions_under_chatham_house_rule(client):
    person = speaker()
    private_event = EventFactory(title="Closed-door workshop", chatham_house_rule=True)
    private_session = EventFactory(title="Workshop with a closed session")
    public_event = EventFactory(title="Open conference")
    ContributionFactory(event=private_event, person=person, quotation="Event rule quote.")
    ContributionFactory(
        event=private_session,
        person=person,
        quotation="Session rule quote.",
        chatham_house_rule=True,
    )
    ContributionFactory(event=public_event, person=person, quotation="Public quote.")

    page = client.get(person.get_absolute_url()).content.decode()

    assert "Open conference" in page
    assert "Public quote." in page
    for hidden in ("Closed-door workshop", "Event rule quote.", "Workshop with a closed session"):
        assert hidden not in page
    assert "Session rule quote." not in page


def test_person_page_with_only_chatham_house_contributions_says_none(client):
    person = speaker()
    ContributionFactory(person=person, event=EventFactory(chatham_house_rule=True))

    page = client.get(person.get_absolute_url()).content.decode()

    assert '<p class="empty">No published contributions.</p>' in page


def test_event_page_has_open_graph_tags_and_calendar_link(client, settings):
    settings.SITE_URL = site = "https://ctd.example.org"
    event = EventFactory(title="Bangkok workshop", slug="bangkok", summary="<p>Evidence.</p>")
    photo = PhotoFactory(event=event)

    page = client.get(event.get_absolute_url()).content.decode()

    assert '<meta property="og:type" content="website">' in page
    assert '<meta property="og:title" content="Bangkok workshop">' in page
    assert '<meta property="og:description" content="Evidence.">' in page
    assert f'<meta property="og:url" content="{site}/events/bangkok/">' in page
    assert '<meta property="og:site_name" content="Asia ICT and CT Dialogue">' in page
    assert f'<meta property="og:image" content="{site}{photo.image.url}">' in page
    assert '<meta property="og:image:alt" content="Participants around a table">' in page
    assert f'<link rel="canonical" href="{site}/events/bangkok/">' in page
    assert "<dt>Add to calendar</dt>" in page
    assert '<a href="/events/bangkok/calendar.ics" type="text/calendar">Download (.ics)</a>' in page
    assert (
        f'<a href="webcal://{site.removeprefix("https://")}/events/bangkok/calendar.ics">' in page
    )


def test_event_page_offers_the_main_calendar_programs_the_event_as_it_is_known(client):
    event = EventFactory(
        title="Bangkok workshop",
        slug="bangkok",
        start_date=datetime.date(2018, 1, 24),
        end_date=datetime.date(2018, 1, 25),
        status="tentative",
        venue="",
        city="Bangkok",
        country="TH",
    )

    links = dict(client.get(event.get_absolute_url()).context["add_to_calendar"])

    google = parse_qs(urlsplit(links["Google Calendar"]).query)
    assert links["Google Calendar"].startswith("https://calendar.google.com/calendar/render?")
    assert google["action"] == ["TEMPLATE"]
    assert google["text"] == ["Bangkok workshop (tentative)"]
    assert google["dates"] == ["20180124/20180126"]  # all day, the end is exclusive
    assert google["location"] == ["Bangkok, Thailand"]
    for name, host in (
        ("Outlook.com", "outlook.live.com"),
        ("Microsoft 365", "outlook.office.com"),
    ):
        outlook = parse_qs(urlsplit(links[name]).query)
        assert urlsplit(links[name]).netloc == host
        assert (outlook["startdt"], outlook["enddt"]) == (["2018-01-24"], ["2018-01-26"])
        assert outlook["allday"] == ["true"]
        assert outlook["subject"] == ["Bangkok workshop (tentative)"]
    assert links["Subscribe (webcal)"] == "webcal://testserver/events/bangkok/calendar.ics"


# --- Detail pages never grow with the record ----------------------------------------

on = datetime.date


def test_an_organisations_page_shows_its_latest_events_and_links_to_all(client):
    organization = OrganizationFactory(name="UNODC", slug="unodc")
    for day in range(1, 13):
        event = EventFactory(title=f"Meeting {day:02}", start_date=on(2019, 1, day), end_date=None)
        ParticipationFactory(event=event, organization=organization)
    ParticipationFactory(
        event=EventFactory(title="Draft meeting", draft=True), organization=organization
    )

    page = client.get("/stakeholders/unodc/").content.decode()
    listed = client.get("/events/", {"organization": "unodc"}).content.decode()

    assert [day for day in range(1, 13) if f"Meeting {day:02}" in page] == list(range(3, 13))
    assert "Draft meeting" not in page
    assert '<a href="/events/?organization=unodc">All 12 events</a>' in page
    assert all(f"Meeting {day:02}" in listed for day in range(1, 13))


def test_an_initiatives_page_shows_its_latest_events_and_links_to_all(client):
    initiative = InitiativeFactory(name="Tech Against Terrorism", slug="tat")
    for day in range(1, 12):
        event = EventFactory(title=f"Session {day:02}", start_date=on(2020, 5, day), end_date=None)
        initiative.events.add(event)

    page = client.get("/initiatives/tat/").content.decode()

    assert [day for day in range(1, 12) if f"Session {day:02}" in page] == list(range(2, 12))
    assert '<a href="/events/?initiative=tat">All 11 events</a>' in page


def test_a_short_list_has_no_link_to_more(client):
    organization = OrganizationFactory(slug="ict4peace")
    ParticipationFactory(event=EventFactory(title="The only meeting"), organization=organization)

    page = client.get("/stakeholders/ict4peace/").content.decode()

    assert "The only meeting" in page
    assert "All 1 events" not in page


# --- The photo gallery ---------------------------------------------------------------


def gallery_event(**kwargs):
    """A published event with three published photos, in their editors' order, and a
    draft and a scheduled one between them that must never show."""
    event = EventFactory(title="Gallery workshop", slug="gallery-workshop", **kwargs)
    photos = [
        PhotoFactory(event=event, order=2, caption="Second", alt_text="The second view"),
        PhotoFactory(event=event, order=1, caption="First", alt_text="The first view"),
        PhotoFactory(event=event, order=3, caption="", credit="", alt_text="", is_decorative=True),
    ]
    PhotoFactory(event=event, order=1, caption="Draft photo", draft=True)
    PhotoFactory(event=event, order=2, caption="Scheduled photo", scheduled=True)
    second, first, third = photos
    return event, [first, second, third]


def test_event_page_gallery_links_each_public_photo_in_order(client):
    event, photos = gallery_event()

    page = client.get(event.get_absolute_url()).content.decode()

    links = [page.index(f'href="{photo.get_absolute_url()}"') for photo in photos]
    assert links == sorted(links)
    assert "Draft photo" not in page
    assert "Scheduled photo" not in page
    assert '<span class="visually-hidden">Photo 3 of 3, larger view</span>' in page


def test_event_page_gallery_loads_only_the_first_thumbnail_at_once(client):
    event, photos = gallery_event()

    page = client.get(event.get_absolute_url()).content.decode()

    first, second, third = (
        page[page.index(f'href="{p.get_absolute_url()}"') :].split(">", 2)[1] for p in photos
    )
    assert 'alt="The first view"' in first
    assert 'width="64" height="48"' in first
    assert "loading=" not in first
    assert 'loading="lazy"' in second
    assert 'alt=""' in third


def test_photo_page_shows_the_photo_its_words_and_its_neighbours(client):
    event, (first, second, third) = gallery_event()

    page = client.get(second.get_absolute_url()).content.decode()

    assert "<h1>Photo 2 of 3</h1>" in page
    assert (
        f'<img src="{second.image.url}" width="64" height="48" alt="The second view" '
        'decoding="async">'
    ) in page
    assert '<figcaption>Second <span class="credit">Photo: CTED</span></figcaption>' in page
    assert "<dd>The second view</dd>" in page
    assert f'<a rel="prev" href="{first.get_absolute_url()}">' in page
    assert f'<a rel="next" href="{third.get_absolute_url()}">' in page
    assert f'href="{event.get_absolute_url()}#photos-title"' in page


def test_photo_page_of_the_first_and_last_photo_links_one_way(client):
    _, (first, second, third) = gallery_event()

    first_page = client.get(first.get_absolute_url()).content.decode()
    last_page = client.get(third.get_absolute_url()).content.decode()

    assert 'rel="prev"' not in first_page
    assert f'<a rel="next" href="{second.get_absolute_url()}">' in first_page
    assert f'<a rel="prev" href="{second.get_absolute_url()}">' in last_page
    assert 'rel="next"' not in last_page
    # A decorative photo: an empty alt, and no description to show.
    assert "<h1>Photo 3 of 3</h1>" in last_page
    assert 'alt=""' in last_page
    assert "What the photo shows" not in last_page


@pytest.mark.parametrize("state", [{"draft": True}, {"scheduled": True}])
def test_photo_page_of_a_hidden_photo_is_not_found(client, state):
    event, _ = gallery_event()
    hidden = PhotoFactory(event=event, caption="Not yet", **state)

    assert_not_found(client.get(hidden.get_absolute_url()))


@pytest.mark.parametrize("state", [{"draft": True}, {"scheduled": True}])
def test_photo_page_of_a_hidden_event_is_not_found(client, state):
    _, (photo, *_) = gallery_event(**state)

    assert_not_found(client.get(photo.get_absolute_url()))


def test_photo_page_under_another_event_is_not_found(client):
    _, (photo, *_) = gallery_event()
    other = EventFactory()

    response = client.get(f"{other.get_absolute_url()}photos/{photo.pk}/")

    assert_not_found(response)


def test_photo_page_of_a_hidden_photo_is_a_preview_for_staff(staff_client):
    event, _ = gallery_event()
    draft = event.photos.get(caption="Draft photo")

    page = staff_client.get(draft.get_absolute_url()).content.decode()

    assert "<strong>Preview.</strong>" in page
    assert "Draft photo" in page


def test_photo_page_at_the_event_former_address_redirects(client):
    event, (photo, *_) = gallery_event()
    old = photo.get_absolute_url()
    event.slug = "renamed-workshop"
    event.save()
    remember_old_slug(event, old_slug="gallery-workshop")

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == f"/events/renamed-workshop/photos/{photo.pk}/"


def test_photo_page_query_count_does_not_grow_with_the_gallery(client):
    event, (photo, *_) = gallery_event()
    before = count_queries(client, photo.get_absolute_url())
    PhotoFactory(event=event, order=9)
    PhotoFactory(event=event, order=10)

    assert count_queries(client, photo.get_absolute_url()) == before


def test_a_translated_list_is_in_the_order_of_the_names_it_shows(client):
    # English order: Attorney, Bureau, Customs; French order: Bureau, Douanes, Parquet.
    OrganizationFactory(slug="attorney", name="Attorney General", name_fr="Parquet général")
    OrganizationFactory(slug="bureau", name="Bureau of Investigation", name_fr="")
    OrganizationFactory(slug="customs", name="Customs", name_fr="Douanes")
    alpha, beta, gamma = (
        EventFactory(title=title, title_fr=french)
        for title, french in [("Alpha workshop", "Zêta"), ("Beta workshop", "Alpha"), ("Gamma", "")]
    )

    def slugs(response):
        return [row["url"].rstrip("/").rsplit("/", 1)[1] for row in read_csv(response)]

    french = client.get("/fr/stakeholders/").context["organizations"]
    english = client.get("/stakeholders/").context["organizations"]
    french_export = slugs(client.get("/fr/stakeholders/export.csv"))
    by_title = client.get("/fr/events/", {"sort": "title"}).context["events"]

    assert [o.slug for o in french] == french_export == ["bureau", "customs", "attorney"]
    assert [o.slug for o in english] == ["attorney", "bureau", "customs"]
    assert list(by_title) == [beta, gamma, alpha]  # Alpha, Gamma, Zêta
