import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from ctdialogue.output.exports import CHUNK_SIZE
from events.exports import (
    EVENT_COLUMNS,
    INITIATIVE_COLUMNS,
    ORGANIZATION_COLUMNS,
    PERSON_COLUMNS,
)
from events.models import Event
from resolutions.exports import RESOLUTION_COLUMNS
from tests.factories import (
    ContributionFactory,
    EventFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LISTS = {
    "events": ("/events/", EVENT_COLUMNS, {"theme": "evidence"}),
    "resolutions": ("/resolutions/", RESOLUTION_COLUMNS, {"year": "2017"}),
    "initiatives": ("/initiatives/", INITIATIVE_COLUMNS, {"theme": "evidence"}),
    "stakeholders": ("/stakeholders/", ORGANIZATION_COLUMNS, {"kind": "ngo"}),
    "speakers": ("/speakers/", PERSON_COLUMNS, {"q": "Kovalenko"}),
}


@pytest.fixture
def record():
    evidence = ThemeFactory(name="Digital evidence", slug="evidence")
    other = ThemeFactory(name="Other", slug="other")
    ngo = OrganizationFactory(name="ICT4Peace", kind="ngo", country="CH")
    OrganizationFactory(name="Ministry", kind="member_state")
    OrganizationFactory(name="Hidden NGO", kind="ngo", draft=True)
    speaker = PersonFactory(name="Andrei Kovalenko", organization=ngo)
    PersonFactory(name="Someone Else")
    PersonFactory(name="Draft Kovalenko", draft=True)
    events = []
    for day, theme in [(1, evidence), (2, other), (3, evidence)]:
        event = EventFactory(
            title=f"Workshop {day}", start_date=datetime.date(2018, 1, day), themes=[theme]
        )
        ParticipationFactory(event=event, organization=ngo, role="co_host")
        ContributionFactory(event=event, person=speaker)
        events.append(event)
    EventFactory(title="Draft workshop", themes=[evidence], draft=True)
    initiative = InitiativeFactory(name="Tech Against Terrorism")
    initiative.themes.add(evidence)
    initiative.events.add(events[0])
    InitiativePartnerFactory(initiative=initiative, organization=ngo, role="lead")
    InitiativeFactory(name="Another initiative")
    resolution = ResolutionFactory(number=2396, year=2017)
    resolution.initiatives.add(initiative)
    resolution.events.add(events[0])
    ResolutionFactory(number=2462, year=2019, adopted_on=datetime.date(2019, 3, 28))
    ResolutionFactory(number=2395, year=2017, draft=True)
    return events


def page_urls(client, path, params):
    response = client.get(path, params)
    return [obj.get_absolute_url() for obj in response.context["object_list"]]


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def read_json(response):
    return json.loads(b"".join(response.streaming_content).decode("utf-8"))


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize("filtered", [False, True], ids=["all", "filtered"])
def test_export_contains_exactly_the_records_the_page_shows(client, record, name, filtered):
    path, _, params = LISTS[name]
    export = path + "export"
    params = params if filtered else {}
    expected = page_urls(client, path, params)

    rows = read_csv(client.get(f"{export}.csv", params))
    data = read_json(client.get(f"{export}.json", params))

    assert expected, "the page must show something for the comparison to mean anything"
    assert [row["url"].removeprefix("http://127.0.0.1:8000") for row in rows] == expected
    assert [r["url"].removeprefix("http://127.0.0.1:8000") for r in data["records"]] == expected


@pytest.mark.parametrize("name", list(LISTS))
def test_csv_export_has_the_documented_header_and_utf8(client, record, name):
    path, columns, _ = LISTS[name]
    export = path + "export"

    response = client.get(f"{export}.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{export.split("/")[1]}.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0]) == [column.name for column in columns]


@pytest.mark.parametrize("name", list(LISTS))
def test_json_export_has_the_documented_shape(client, record, name):
    path, columns, _ = LISTS[name]
    export = path + "export"

    data = read_json(client.get(f"{export}.json"))

    assert set(data) == {"meta", "records"}
    assert data["meta"]["columns"] == [column.name for column in columns]
    assert "CC BY 4.0" in data["meta"]["licence"]
    for item in data["records"]:
        assert list(item) == [column.name for column in columns]
        for column in columns:
            assert isinstance(item[column.name], list) == column.is_list


def test_event_export_joins_related_records_readably(client, record):
    rows = read_csv(client.get("/events/export.csv", {"q": "Workshop 1"}))

    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Workshop 1"
    assert row["dates"] == "1-25 January 2018"
    assert row["themes"] == "Digital evidence"
    assert row["participants"] == "ICT4Peace (co-host)"
    assert row["speakers"] == "Ms. Andrei Kovalenko"
    assert row["initiatives"] == "Tech Against Terrorism"
    assert row["resolutions"] == "S/RES/2396 (2017)"
    assert row["id"] == str(record[0].uid)


def test_resolution_export_carries_symbol_date_and_links(client, record):
    data = read_json(client.get("/resolutions/export.json", {"number": "2396"}))

    assert len(data["records"]) == 1
    item = data["records"][0]
    assert item["symbol"] == "S/RES/2396 (2017)"
    assert item["official_url"] == "https://undocs.org/S/RES/2396(2017)"
    assert item["initiatives"] == ["Tech Against Terrorism"]
    assert item["events"] == ["Workshop 1"]


def test_chatham_house_speakers_are_not_named_in_exports(client, record):
    Event.objects.filter(pk=record[1].pk).update(chatham_house_rule=True)

    rows = read_csv(client.get("/events/export.csv", {"q": "Workshop 2"}))

    assert rows[0]["speakers"] == "A participant (Chatham House rule)"


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"year": "abc"}, "Year: enter a year as four digits"),
        ({"theme": "nope"}, "Theme: “nope” is not one we know."),
        ({"q": "a\x00b"}, "NUL character"),
    ],
)
def test_export_with_bad_filters_is_a_400_with_an_explanation(client, record, params, problem):
    as_csv = client.get("/events/export.csv", params)
    as_json = client.get("/events/export.json", params)

    assert as_csv.status_code == 400
    assert as_json.status_code == 400
    assert problem in as_csv.content.decode()
    assert as_json.json()["error"] == "Some filter values could not be understood."
    assert any(problem in item for item in as_json.json()["problems"])


def test_large_export_streams_in_chunks(client):
    theme = ThemeFactory()
    total = CHUNK_SIZE + 500
    Event.objects.bulk_create(
        Event(
            title=f"Event {n}",
            slug=f"event-{n}",
            start_date=datetime.date(2000, 1, 1) + datetime.timedelta(days=n),
            publication_status="published",
            publish_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        )
        for n in range(total)
    )
    Event.themes.through.objects.bulk_create(
        Event.themes.through(event_id=pk, theme_id=theme.pk)
        for pk in Event.objects.values_list("pk", flat=True)
    )

    response = client.get("/events/export.csv")
    assert isinstance(response, StreamingHttpResponse)
    lines = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first_rows:
        for _ in range(11):  # header and ten rows
            next(lines)
    with CaptureQueriesContext(connection) as the_rest:
        remaining = sum(1 for _ in lines)

    assert remaining == total - 10
    # The first rows needed only the first chunk; the rest fetched the second
    # chunk's related rows later, so the export never held every row at once.
    assert len(first_rows) > 0
    assert len(the_rest) > 0
    assert len(first_rows) + len(the_rest) < 30


def test_list_pages_offer_downloads_that_carry_the_filters(client, record):
    page = client.get("/events/", {"theme": "evidence", "page": "1"}).content.decode()

    assert 'href="/events/export.csv?theme=evidence"' in page
    assert 'href="/events/export.json?theme=evidence"' in page


def test_data_page_documents_every_export_column(client):
    page = client.get("/data/").content.decode()

    for columns in (EVENT_COLUMNS, RESOLUTION_COLUMNS, INITIATIVE_COLUMNS, PERSON_COLUMNS):
        for column in columns:
            assert f"<code>{column.name}</code>" in page
    assert "CC BY 4.0" in page
