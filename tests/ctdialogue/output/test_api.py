"""The API's shared plumbing: a valid OpenAPI document and local docs, pagination,
conditional GET, throttling, reasons for bad filters, and queries that do not grow."""

import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openapi_spec_validator import validate

from ctdialogue.pages.filters import is_tracking
from ctdialogue.sample import bench
from tests.assertions import assert_queries_do_not_grow
from tests.factories import (
    InitiativePartnerFactory,
    rich_event,
)
from tests.records import validate_against
from tests.serving import get, redis_url, remove_keys

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


def test_openapi_document_is_generated_without_a_warning(tmp_path):
    # drf-spectacular warns, and carries on, when it has to guess a type or when two
    # serializers would share one component name: then the document says something else
    # than the server does.
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))

    assert "Relation:" in (tmp_path / "schema.yaml").read_text()


def test_api_docs_page_uses_only_this_sites_files(client):
    page = client.get("/api/docs/").content.decode()

    assert "swagger-ui" in page
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn" not in page.lower()
    assert "unpkg" not in page.lower()


def test_api_bad_filter_is_a_400_with_reasons(client, api_records):
    response = client.get("/api/events/", {"year": "abc", "theme": "nope"})

    assert response.status_code == 400
    assert response.json()["error"] == "Some parameters could not be understood."
    problems = response.json()["problems"]
    assert "Year: enter a year as four digits, such as 2018." in problems
    assert "Theme: “nope” is not one we know." in problems


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("/api/resolutions/?speaker=x", "“speaker” is not a parameter of this list"),
        ("/api/themes/?year=2018", "“year” is not a parameter of this address; it takes page"),
        ("/api/events/?page_size=true", "page_size: “true” is not a whole number from 1 to 500."),
        ("/api/events/?page_size=501", "page_size: “501” is not a whole number from 1 to 500."),
        ("/api/events/?page=abc", "page: “abc” is not a page number (1, 2, ...)."),
    ],
)
def test_api_unknown_parameters_and_malformed_pages_are_a_400_naming_what_it_takes(
    client, api_records, address, problem
):
    response = client.get(address)

    assert response.status_code == 400
    assert any(item.startswith(problem) for item in response.json()["problems"])


def test_api_parameters_of_a_record_address_are_a_400(client, api_records):
    response = client.get(f"/api/events/{api_records['bangkok'].uid}/", {"page": "2"})

    assert response.status_code == 400
    assert response.json()["problems"] == [
        "“page” is not a parameter of this address; it takes lang."
    ]


def test_api_answers_in_the_language_asked_for_and_says_so(client, api_records):
    event = api_records["bangkok"]
    french = client.get(f"/api/events/{event.uid}/", {"lang": "fr"})
    russian = client.get("/api/events/", {"year": "abc"}, headers={"Accept-Language": "ru"})
    english = client.get(f"/api/events/{event.uid}/")

    assert french.status_code == 200
    assert french["Content-Language"] == "fr"
    assert "Accept-Language" in french["Vary"]
    assert french.json()["html_url"] == f"http://testserver/fr/events/{event.slug}/"
    assert french.json()["language"] == "en"  # the language the record is written in
    assert english["Content-Language"] == "en"
    assert english.json()["html_url"] == f"http://testserver/events/{event.slug}/"
    assert russian.status_code == 400
    assert russian["Content-Language"] == "ru"
    with translation.override("ru"):
        expected = gettext("Some parameters could not be understood.")
    assert expected != "Some parameters could not be understood."
    assert russian.json()["error"] == expected


def test_api_refuses_a_language_it_does_not_offer(client, api_records):
    response = client.get("/api/events/", {"lang": "de"})

    assert response.status_code == 400
    assert response.json()["problems"] == [
        "lang: no language “de” is offered; choose one of ar, zh-hans, en, fr, ru, es."
    ]


def test_api_lists_name_every_parameter_they_take(client, api_records):
    problems = client.get("/api/resolutions/", {"nope": "1"}).json()["problems"]

    [problem] = problems
    assert "page, page_size" in problem
    assert "theme" in problem


def test_api_ignores_tracking_tags_and_a_page_past_the_end_is_a_404(client, api_records):
    tagged = client.get("/api/events/", {"utm_source": "newsletter"})
    past_the_end = client.get("/api/events/", {"page": "99"})

    assert tagged.status_code == 200
    assert tagged.json()["count"] == 2
    assert past_the_end.status_code == 404
    assert past_the_end.json() == {"detail": "Invalid page."}


def test_a_browser_asking_for_html_gets_the_json(client, api_records):
    response = client.get("/api/events/", headers={"accept": "text/html,application/xhtml+xml"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] == 2


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
    statuses = [client.get(f"/api/themes/?utm_content={n}").status_code for n in range(4)]
    blocked = client.get("/api/themes/?utm_content=5")

    assert statuses == [200, 200, 200, 429]
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0


def fire(url: str, times: int, clients: int = 10) -> Counter:
    """The statuses of ``times`` GETs of ``url`` from ``clients`` threads at once."""
    with ThreadPoolExecutor(clients) as pool:
        return Counter(pool.map(lambda _n: get(url)[0], range(times)))


@pytest.mark.parametrize("cache", ["redis", "local memory"])
def test_the_limit_holds_across_two_workers_with_the_shared_cache(site, cache):
    """gunicorn with 2 workers: with Redis at most the limit passes, whichever worker
    answers; in each process's memory, each worker counts its own."""
    url = redis_url() if cache == "redis" else ""
    prefix = f"throttle-test-{uuid.uuid4().hex}"
    env = site.env(
        REDIS_URL=url,
        DJANGO_CACHE_KEY_PREFIX=prefix,
        DJANGO_API_ANON_RATE="30/minute",
        DJANGO_PAGE_CACHE_SECONDS="0",  # every request reaches the API
    )
    try:
        with bench.serving(2, site.static_root, **env) as server:
            statuses = fire(f"{server.base}/api/themes/", 300)
            workers = len(server.workers())
    finally:
        if url:
            remove_keys(url, prefix)

    print(f"\nthrottle, {cache}: {dict(statuses)}")
    assert workers == 2
    assert statuses[200] + statuses[429] == 300
    if cache == "redis":
        assert statuses[200] == 30
    else:
        assert statuses[200] > 30  # documented: per process without Redis


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_list_query_count_is_the_same_for_one_and_three_rows(client, endpoint):
    def add():
        event = rich_event()
        initiative = event.initiatives.get()
        InitiativePartnerFactory(initiative=initiative)
        event.resolutions.get().initiatives.add(initiative)

    assert_queries_do_not_grow(client, f"/api/{endpoint}/", add)


KNOWN_PARAMETERS = {
    "theme", "year", "date_from", "date_to", "country", "series", "status", "stakeholder",
    "organization", "initiative", "resolution", "q", "sort", "page", "page_size",
}  # fmt: skip


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.one_of(
            st.sampled_from(
                ["theme", "year", "date_from", "date_to", "country", "series", "status",
                 "stakeholder", "organization", "initiative", "resolution", "q", "sort",
                 "page", "page_size"]
            ),
            # Any other name: refused with a 400 that names it (or, for a tracking
            # tag, ignored).
            st.text(min_size=1, max_size=20).filter(lambda name: "\x00" not in name),
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
        assert all(name in KNOWN_PARAMETERS or is_tracking(name) for name in params)
    else:
        assert response.status_code in (400, 404)
        body = response.json()
        if response.status_code == 400:
            validate_against(schema, "BadParameters", body)
            for name in set(params) - KNOWN_PARAMETERS:
                if not is_tracking(name):
                    assert any(f"“{name[:40]}” is not a parameter" in p for p in body["problems"])


# --- The OpenAPI document, checked by an independent client ---------------------------


def test_api_does_what_its_openapi_document_says(api_records, schema):
    """schemathesis with all its default checks, on every operation: no server error;
    every status, content type, header and body as the document describes; values
    outside the documented types and bounds refused; and every value the document
    allows accepted (the slugs published at the time, numbers within their bounds)."""
    document = schemathesis.openapi.from_dict(schema)
    document.app = WSGIHandler()  # the site in this process, on the test database
    operations = [result.ok() for result in document.get_all_operations()]
    assert len(operations) == 14

    for operation in operations:

        @hypothesis_settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck)
        )
        @given(case=operation.as_strategy())
        def conforms(case):
            case.call_and_validate()

        with keeping_the_test_connection():
            conforms()


@contextmanager
def keeping_the_test_connection():
    """As Django's test client does: a request in this process must not close the
    connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("resolution_framework")
def test_resolution_api_gives_meeting_vote_texts_and_relations_both_ways(client, schema):
    results = {r["number"]: r for r in client.get("/api/resolutions/").json()["results"]}

    data = results[2395]
    validate_against(schema, "Resolution", data)
    assert data["meeting_record"] == "S/PV.8148"
    assert data["vote"] == {
        "kind": "recorded",
        "in_favour": 15,
        "against": 0,
        "abstentions": 0,
        "summary": "15 in favour, none against, no abstentions (unanimous)",
    }
    assert data["official_texts"][1] == {
        "language": "zh",
        "url": "https://undocs.org/zh/S/RES/2395(2017)",
    }
    assert [(r["relation"], r["resolution"]["name"]) for r in data["relations"]] == [
        ("extends", "S/RES/1535 (2004)"),
        ("recalls", "S/RES/1373 (2001)"),
    ]
    # Not the draft 2700, nor 2701, scheduled for next week.
    assert [(r["relation"], r["resolution"]["name"]) for r in data["referenced_by"]] == [
        ("extends", "S/RES/2617 (2021)")
    ]
    assert [(r["relation"], r["resolution"]["name"]) for r in results[1535]["referenced_by"]] == [
        ("extends", "S/RES/2395 (2017)")
    ]
    assert (results[1535]["meeting_record"], results[1535]["vote"]) == (None, None)
    validate_against(schema, "Resolution", results[1535])
