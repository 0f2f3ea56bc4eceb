"""The API's shared plumbing: a valid OpenAPI document and local docs, pagination,
conditional GET, throttling, reasons for bad filters, and queries that do not grow."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openapi_spec_validator import validate

from tests.assertions import assert_queries_do_not_grow
from tests.factories import (
    InitiativePartnerFactory,
    rich_event,
)
from tests.records import validate_against

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


def test_api_bad_filter_is_a_400_with_reasons(client, api_records):
    response = client.get("/api/events/", {"year": "abc", "theme": "nope"})

    assert response.status_code == 400
    problems = response.json()["filters"]
    assert "Year: enter a year as four digits, such as 2018." in problems
    assert "Theme: “nope” is not one we know." in problems


def test_api_paginates_with_a_page_size(client, api_records):
    data = client.get("/api/events/", {"page_size": 1}).json()

    assert data["count"] == 2
    assert len(data["results"]) == 1
    assert data["next"].endswith("page=2&page_size=1")


def test_conditional_get_returns_304(client, api_records):
    first = client.get("/api/events/")
    assert first.has_header("ETag")

    second = client.get("/api/events/", headers={"if-none-match": first["ETag"]})

    assert second.status_code == 304
    assert second.content == b""


def test_anonymous_rate_limit_answers_429_with_retry_after(client, api_records, settings):
    settings.API_ANON_RATE = "3/minute"

    # Repeating one address would be answered by the page cache, which costs the API
    # nothing; each of these reaches it.
    statuses = [client.get(f"/api/themes/?try={n}").status_code for n in range(4)]
    blocked = client.get("/api/themes/?try=5")

    assert statuses == [200, 200, 200, 429]
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_list_query_count_is_the_same_for_one_and_three_rows(client, endpoint):
    def add():
        event = rich_event()
        initiative = event.initiatives.get()
        InitiativePartnerFactory(initiative=initiative)
        event.resolutions.get().initiatives.add(initiative)

    assert_queries_do_not_grow(client, f"/api/{endpoint}/", add)


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
def test_api_never_fails_and_answers_in_the_documented_shape(client, api_records, schema, params):
    response = client.get("/api/events/", params)

    assert response.status_code < 500
    if response.status_code == 200:
        validate_against(schema, "PaginatedEventList", response.json())
    else:
        assert response.status_code in (400, 404)
        assert response.json()
