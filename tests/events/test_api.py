import datetime

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

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

ENDPOINTS = [
    "events",
    "resolutions",
    "initiatives",
    "stakeholders",
    "speakers",
    "themes",
    "series",
]


@pytest.fixture
def record():
    evidence = ThemeFactory(name="Digital evidence", slug="evidence")
    ngo = OrganizationFactory(name="ICT4Peace", slug="ict4peace", kind="ngo")
    bangkok = EventFactory(title="Bangkok", themes=[evidence])
    EventFactory(title="Jeju", start_date=datetime.date(2017, 5, 1), end_date=None)
    EventFactory(title="Draft", draft=True, themes=[evidence])
    ParticipationFactory(event=bangkok, organization=ngo, role="co_host")
    ContributionFactory(event=bangkok, person=PersonFactory(name="Andrei Kovalenko"))
    initiative = InitiativeFactory(name="Tech Against Terrorism")
    initiative.events.add(bangkok)
    InitiativePartnerFactory(initiative=initiative, organization=ngo, role="lead")
    resolution = ResolutionFactory(number=2396, year=2017)
    resolution.events.add(bangkok)
    resolution.initiatives.add(initiative)
    return {"bangkok": bangkok, "resolution": resolution, "initiative": initiative}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get("/api/schema/", {"format": "json"}).json()


def validate_against(schema, component, data):
    OAS31Validator(
        {"$ref": f"#/components/schemas/{component}", "components": schema["components"]}
    ).validate(data)


def test_openapi_document_is_valid(schema):
    validate(schema)

    assert schema["info"]["title"].startswith("Asia ICT and CT Dialogue")
    assert "/api/events/" in schema["paths"]
    assert "/api/resolutions/{id}/" in schema["paths"]


def test_api_docs_page_uses_only_this_sites_files(client):
    page = client.get("/api/docs/").content.decode()

    assert "swagger-ui" in page
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn" not in page.lower()
    assert "unpkg" not in page.lower()


def test_event_list_has_published_events_with_linked_records(client, record, schema):
    data = client.get("/api/events/").json()

    validate_against(schema, "PaginatedEventList", data)
    assert data["count"] == 2
    assert [e["title"] for e in data["results"]] == ["Bangkok", "Jeju"]
    bangkok = data["results"][0]
    assert bangkok["id"] == str(record["bangkok"].uid)
    assert bangkok["html_url"] == f"http://testserver{record['bangkok'].get_absolute_url()}"
    assert bangkok["themes"][0]["name"] == "Digital evidence"
    assert bangkok["resolutions"] == [
        {
            "id": str(record["resolution"].uid),
            "name": "S/RES/2396 (2017)",
            "url": f"http://testserver/api/resolutions/{record['resolution'].uid}/",
        }
    ]
    assert bangkok["participations"][0]["organization"]["name"] == "ICT4Peace"
    assert bangkok["contributions"][0]["person"]["name"] == "Ms. Andrei Kovalenko"


def test_related_url_leads_to_the_record(client, record):
    event = client.get(f"/api/events/{record['bangkok'].uid}/").json()

    initiative = client.get(event["initiatives"][0]["url"]).json()

    assert initiative["name"] == "Tech Against Terrorism"
    assert initiative["partners"][0]["role"] == "lead"


@pytest.mark.parametrize(
    ("params", "titles"),
    [({"theme": "evidence"}, ["Bangkok"]), ({"year": "2017"}, ["Jeju"]), ({"q": "jeju"}, ["Jeju"])],
)
def test_api_filters_match_the_list_page(client, record, params, titles):
    api = client.get("/api/events/", params).json()
    page = client.get("/events/", params).context["object_list"]

    assert [e["title"] for e in api["results"]] == titles == [e.title for e in page]


def test_api_bad_filter_is_a_400_with_reasons(client, record):
    response = client.get("/api/events/", {"year": "abc", "theme": "nope"})

    assert response.status_code == 400
    problems = response.json()["filters"]
    assert "Year: enter a year as four digits, such as 2018." in problems
    assert "Theme: “nope” is not one we know." in problems


def test_draft_is_not_in_the_api(client, record):
    draft = EventFactory(title="Another draft", draft=True)

    assert client.get(f"/api/events/{draft.uid}/").status_code == 404
    assert "Another draft" not in client.get("/api/events/").content.decode()


def test_api_paginates_with_a_page_size(client, record):
    data = client.get("/api/events/", {"page_size": 1}).json()

    assert data["count"] == 2
    assert len(data["results"]) == 1
    assert data["next"].endswith("page=2&page_size=1")


def test_conditional_get_returns_304(client, record):
    first = client.get("/api/events/")
    assert first.has_header("ETag")

    second = client.get("/api/events/", headers={"if-none-match": first["ETag"]})

    assert second.status_code == 304
    assert second.content == b""


def test_anonymous_rate_limit_answers_429_with_retry_after(client, record, settings):
    settings.API_ANON_RATE = "3/minute"

    statuses = [client.get("/api/themes/").status_code for _ in range(4)]
    blocked = client.get("/api/themes/")

    assert statuses == [200, 200, 200, 429]
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_list_query_count_is_the_same_for_one_and_three_rows(client, endpoint, count_queries):
    def add():
        theme = ThemeFactory()
        event = EventFactory(themes=[theme])
        ParticipationFactory(event=event)
        ContributionFactory(event=event)
        initiative = InitiativeFactory()
        initiative.events.add(event)
        InitiativePartnerFactory(initiative=initiative)
        resolution = ResolutionFactory()
        resolution.events.add(event)
        resolution.initiatives.add(initiative)

    url = f"/api/{endpoint}/"
    add()
    one = count_queries(client, url)
    add()
    add()

    assert count_queries(client, url) == one


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["theme", "year", "date_from", "date_to", "country", "series", "status",
             "stakeholder", "organization", "initiative", "resolution", "q", "sort",
             "page", "page_size"]
        ),
        st.one_of(st.text(max_size=30), st.integers(-5, 5000).map(str)),
        max_size=4,
    )
)  # fmt: skip
def test_api_never_fails_and_answers_in_the_documented_shape(client, record, schema, params):
    response = client.get("/api/events/", params)

    assert response.status_code < 500
    if response.status_code == 200:
        validate_against(schema, "PaginatedEventList", response.json())
    else:
        assert response.status_code in (400, 404)
        assert response.json()
