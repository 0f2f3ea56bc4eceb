"""The resolutions' export columns."""

import pytest

from tests.records import read_json

pytestmark = pytest.mark.django_db


def test_resolution_export_carries_symbol_date_and_links(client, export_records):
    data = read_json(client.get("/resolutions/export.json", {"number": "2396"}))

    assert len(data["records"]) == 1
    item = data["records"][0]
    assert item["symbol"] == "S/RES/2396 (2017)"
    assert item["official_url"] == "https://undocs.org/S/RES/2396(2017)"
    assert item["initiatives"] == ["Tech Against Terrorism"]
    assert item["events"] == ["Workshop 1"]
