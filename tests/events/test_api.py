"""The dialogue's records in the API: events with their linked records, links that lead
to them, the same filters as the pages, and nothing that is not public."""

import datetime

import pytest

from tests.factories import (
    EventFactory,
)
from tests.records import validate_against

pytestmark = pytest.mark.django_db


def test_event_list_has_published_events_with_linked_records(client, api_records, schema):
    data = client.get("/api/events/").json()

    validate_against(schema, "PaginatedEventList", data)
    assert data["count"] == 2
    assert [e["title"] for e in data["results"]] == ["Bangkok", "Jeju"]
    bangkok = data["results"][0]
    assert bangkok["id"] == str(api_records["bangkok"].uid)
    assert bangkok["html_url"] == f"http://testserver{api_records['bangkok'].get_absolute_url()}"
    assert bangkok["themes"][0]["name"] == "Digital evidence"
    assert bangkok["resolutions"] == [
        {
            "id": str(api_records["resolution"].uid),
            "name": "S/RES/2396 (2017)",
            "url": f"http://testserver/api/resolutions/{api_records['resolution'].uid}/",
        }
    ]
    assert bangkok["participations"][0]["organization"]["name"] == "ICT4Peace"
    assert bangkok["contributions"][0]["person"]["name"] == "Ms. Andrei Kovalenko"


def test_related_url_leads_to_the_record(client, api_records):
    event = client.get(f"/api/events/{api_records['bangkok'].uid}/").json()

    initiative = client.get(event["initiatives"][0]["url"]).json()

    assert initiative["name"] == "Tech Against Terrorism"
    assert initiative["partners"][0]["role"] == "lead"


@pytest.mark.parametrize(
    ("params", "titles"),
    [({"theme": "evidence"}, ["Bangkok"]), ({"year": "2017"}, ["Jeju"]), ({"q": "jeju"}, ["Jeju"])],
)
def test_api_filters_match_the_list_page(client, api_records, params, titles):
    api = client.get("/api/events/", params).json()
    page = client.get("/events/", params).context["object_list"]

    assert [e["title"] for e in api["results"]] == titles == [e.title for e in page]


def test_draft_is_not_in_the_api(client, api_records):
    draft = EventFactory(title="Another draft", draft=True)

    assert client.get(f"/api/events/{draft.uid}/").status_code == 404
    assert "Another draft" not in client.get("/api/events/").content.decode()


def test_events_carry_their_dates_as_edtf_as_exactly_as_known(client, schema):
    EventFactory(
        title="Bangkok",
        start_date=datetime.date(2018, 1, 24),
        end_date=datetime.date(2018, 1, 25),
    )
    EventFactory(
        title="Third",
        start_date=datetime.date(2018, 7, 1),
        end_date=datetime.date(2018, 12, 31),
        date_precision="half_year",
        status="tentative",
    )

    data = client.get("/api/events/", {"sort": "title"}).json()

    validate_against(schema, "PaginatedEventList", data)
    found = {event["title"]: (event["edtf"], event["status"]) for event in data["results"]}
    assert found == {
        "Bangkok": ("2018-01-24/2018-01-25", "held"),
        "Third": ("2018-41", "tentative"),
    }


def test_the_api_gives_texts_in_the_language_asked_for_and_says_which(client, schema):
    EventFactory(
        title="Bangkok workshop",
        summary="Two days.",
        title_fr="Atelier de Bangkok",
        city="Bangkok",
    )

    french = client.get("/api/events/", {"lang": "fr"}).json()
    english = client.get("/api/events/").json()

    validate_against(schema, "PaginatedEventList", french)
    [event] = french["results"]
    assert (event["title"], event["summary"]) == ("Atelier de Bangkok", "Two days.")
    assert event["language"] == "en"
    assert event["text_languages"] == {"title": "fr", "summary": "en", "city": "en"}
    assert english["results"][0]["title"] == "Bangkok workshop"
    assert english["results"][0]["text_languages"]["title"] == "en"
