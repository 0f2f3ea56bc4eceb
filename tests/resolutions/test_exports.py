"""The resolutions' export columns."""

import pytest

from tests.records import read_csv, read_json

pytestmark = pytest.mark.django_db


def test_resolution_export_carries_symbol_date_and_links(client, export_records):
    data = read_json(client.get("/resolutions/export.json", {"number": "2396"}))

    assert len(data["records"]) == 1
    item = data["records"][0]
    assert item["symbol"] == "S/RES/2396 (2017)"
    assert item["official_url"] == "https://undocs.org/S/RES/2396(2017)"
    assert item["initiatives"] == ["Tech Against Terrorism"]
    assert item["events"] == ["Workshop 1"]


@pytest.mark.usefixtures("resolution_framework")
def test_resolution_export_carries_meeting_vote_and_relations_both_ways(client):
    records = {r["number"]: r for r in read_json(client.get("/resolutions/export.json"))["records"]}
    rows = read_csv(client.get("/resolutions/export.csv"))

    renewed = records[2395]
    assert (renewed["meeting_record"], renewed["vote"]) == ("S/PV.8148", "recorded")
    assert (renewed["votes_for"], renewed["votes_against"], renewed["abstentions"]) == (15, 0, 0)
    assert renewed["extends"] == ["S/RES/1535 (2004)"]
    assert renewed["extended_by"] == ["S/RES/2617 (2021)"]
    assert renewed["recalls"] == ["S/RES/1373 (2001)"]
    assert renewed["recalled_by"] == []  # the draft's relation is not public
    assert renewed["reaffirmed_by"] == []  # nor the scheduled one's, yet
    assert records[1535]["extended_by"] == ["S/RES/2395 (2017)"]
    assert (records[1535]["meeting_record"], records[1535]["votes_for"]) == ("", "")
    by_number = {row["number"]: row for row in rows}
    assert by_number["2395"]["extends"] == "S/RES/1535 (2004)"
    assert by_number["2395"]["votes_against"] == "0"
    assert by_number["1535"]["votes_against"] == ""
