"""The events' export columns: related records joined readably, no speaker named under
the Chatham House rule."""

import pytest

from events.models import Event
from tests.records import read_csv

pytestmark = pytest.mark.django_db


def test_event_export_joins_related_records_readably(client, export_records):
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
    assert row["id"] == str(export_records[0].uid)


def test_chatham_house_speakers_are_not_named_in_exports(client, export_records):
    Event.objects.filter(pk=export_records[1].pk).update(chatham_house_rule=True)

    rows = read_csv(client.get("/events/export.csv", {"q": "Workshop 2"}))

    assert rows[0]["speakers"] == "A participant (Chatham House rule)"
