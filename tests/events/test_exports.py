"""The events' export columns: related records joined readably, no speaker named under
the Chatham House rule."""

import datetime
import json

import pytest

from events.models import Event
from tests.factories import (
    ContributionFactory,
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
)
from tests.records import read_csv

pytestmark = pytest.mark.django_db


def test_event_export_joins_related_records_readably(client, export_records):
    rows = read_csv(client.get("/events/export.csv", {"q": "Workshop 1"}))

    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Workshop 1"
    assert row["dates"] == "1-25 January 2018"
    assert row["edtf"] == "2018-01-01/2018-01-25"
    assert row["themes"] == "Digital evidence"
    assert row["participants"] == "ICT4Peace (co-host)"
    assert row["speakers"] == "Ms. Andrei Kovalenko"
    assert row["initiatives"] == "Tech Against Terrorism"
    assert row["resolutions"] == "S/RES/2396 (2017)"
    assert row["id"] == str(export_records[0].uid)


def test_chatham_house_speakers_are_not_named_in_exports(client, export_records):
    Event.objects.filter(pk=export_records[1].pk).update(chatham_house_rule=True)

    rows = read_csv(client.get("/events/export.csv", {"q": "Workshop 2"}))

    assert rows[0]["speakers"] == "A participant (Chatham House rule)"


def test_only_public_links_and_parts_are_exported_in_page_order(client):
    event = EventFactory(
        title="Workshop on links",
        series=EventSeriesFactory(name="Draft series", draft=True),
        status=Event.Status.TENTATIVE,
        start_date=datetime.date(2018, 7, 1),
        end_date=datetime.date(2018, 12, 31),
        date_precision="half_year",
        themes=[ThemeFactory(name="Prevention"), ThemeFactory(name="Evidence")],
    )
    event.themes.add(ThemeFactory(name="Draft theme", draft=True))
    ParticipationFactory(event=event, organization=None, stakeholder_kind="academia", order=2)
    ParticipationFactory(event=event, organization__name="UNODC", role="co_host", order=1)
    ParticipationFactory(event=event, organization=OrganizationFactory(draft=True), order=0)
    ContributionFactory(event=event, person=PersonFactory(name="Draft Speaker", draft=True))
    ContributionFactory(event=event, person__name="Ana Ruiz", person__honorific="", order=1)
    ContributionFactory(event=event, person__name="Li Wei", chatham_house_rule=True, order=2)
    InitiativeFactory(name="Draft initiative", draft=True).events.add(event)
    InitiativeFactory(name="Public initiative").events.add(event)
    for number, draft in [(2341, False), (2396, False), (2395, True)]:
        ResolutionFactory(number=number, year=2017, draft=draft).events.add(event)

    response = client.get("/events/export.csv", {"q": "Workshop on links"})
    row = read_csv(response)[0]

    assert row["series"] == ""
    assert row["dates"] == "Second half of 2018 (tentative)"
    assert row["themes"] == "Evidence; Prevention"
    assert row["participants"] == "UNODC (co-host); Academia (participant)"
    assert row["speakers"] == "Ana Ruiz; A participant (Chatham House rule)"
    assert row["initiatives"] == "Public initiative"
    assert row["resolutions"] == "S/RES/2396 (2017); S/RES/2341 (2017)"
    assert row["url"] == f"http://testserver/events/{event.slug}/"


def test_an_export_says_how_many_records_it_holds_before_the_first_row(client, export_records):
    csv_response = client.get("/events/export.csv", {"theme": "evidence"})
    json_response = client.get("/events/export.json", {"theme": "evidence"})
    document = json.loads(b"".join(json_response.streaming_content))

    assert csv_response["X-Record-Count"] == "2"
    assert len(read_csv(csv_response)) == 2
    assert json_response["X-Record-Count"] == "2"
    assert document["meta"]["count"] == len(document["records"]) == 2
    assert csv_response["Cache-Control"] == "public, max-age=0"


def test_exports_say_which_language_each_records_texts_are_in(client):
    EventFactory(slug="bangkok", title="Bangkok workshop")
    EventFactory(slug="doha", title="حلقة عمل الدوحة", language="ar")
    OrganizationFactory(slug="mofa", name="وزارة الخارجية", language="ar")

    events = {row["url"]: row for row in read_csv(client.get("/fr/events/export.csv"))}
    [organization] = read_csv(client.get("/stakeholders/export.csv"))

    assert events["http://testserver/fr/events/bangkok/"]["language"] == "en"
    assert events["http://testserver/fr/events/doha/"]["language"] == "ar"
    assert events["http://testserver/fr/events/doha/"]["title"] == "حلقة عمل الدوحة"
    assert events["http://testserver/fr/events/doha/"]["dates"] == "24–25 janvier 2018"  # noqa: RUF001
    assert organization["language"] == "ar"


def test_an_export_gives_each_text_in_its_addresss_language_where_translated(client):
    event = EventFactory(
        slug="bangkok",
        title="Bangkok workshop",
        title_fr="Atelier de Bangkok",
        city="Bangkok",
        summary="<p>Two days.</p>",
        series=EventSeriesFactory(name="Dialogue series", name_fr="Série de dialogues"),
        themes=[ThemeFactory(name="Digital evidence", name_fr="Preuves numériques")],
    )
    ParticipationFactory(
        event=event, organization__name="Office of Counter-Terrorism", organization__name_fr="BLT"
    )
    ContributionFactory(
        event=event, person__honorific="Mr.", person__name="Wei Li", person__name_fr="Li Wei"
    )
    OrganizationFactory(name="Ministry of Foreign Affairs", name_fr="Ministère", acronym="MFA")
    urls = ["/fr/events/export.csv", "/fr/stakeholders/export.csv", "/fr/events/export.json"]

    [french], stakeholders, english = (
        read_csv(client.get(urls[0])),
        read_csv(client.get(urls[1])),
        read_csv(client.get("/events/export.csv"))[0],
    )
    document = json.loads(b"".join(client.get(urls[2]).streaming_content))

    assert (french["title"], french["series"], french["themes"]) == (
        "Atelier de Bangkok",
        "Série de dialogues",
        "Preuves numériques",
    )
    assert french["participants"] == "BLT (participant)"
    assert french["speakers"] == "Li Wei"  # no English honorific before a French name
    assert french["text_languages"] == "title=fr; city=en; summary=en"
    assert document["records"][0]["text_languages"] == {
        "title": "fr",
        "city": "en",
        "summary": "en",
    }
    ministry = next(row for row in stakeholders if row["acronym"] == "MFA")
    assert (ministry["name"], ministry["text_languages"]) == ("Ministère", "name=fr; acronym=en")
    assert (english["title"], english["speakers"]) == ("Bangkok workshop", "Mr. Wei Li")
    assert english["text_languages"] == "title=en; city=en; summary=en"
    # Read after the requests, the record is as stored: the switch did not leak.
    assert Event.objects.get(pk=event.pk).title == "Bangkok workshop"
