"""The /search/ page: results grouped by kind, snippets, and a message in words for a
query it cannot use."""

import pytest

from ctdialogue.search.query import parse_query
from tests.assertions import count_queries
from tests.factories import (
    EventFactory,
)
from tests.searching import ALL_KINDS, SEARCH_URL, SOURCES, make_one_of_each, search, search_all

pytestmark = pytest.mark.django_db


def test_search_page_shows_groups_with_headings_counts_and_links(client):
    event, *_ = make_one_of_each("Zeppelin")

    response, html = search(client, q="zeppelin")

    assert response.context["total"] == 6
    headings = ["Events", "Themes", "Initiatives", "Stakeholders", "Speakers", "Resolutions"]
    positions = [
        html.index(f'id="results-{key}">{label}')
        for key, label in zip(ALL_KINDS, headings, strict=True)
    ]
    assert positions == sorted(positions)
    assert "(1 event)" in html
    assert f'<a href="{event.get_absolute_url()}">Zeppelin workshop 0</a>' in html
    assert "6 results for “zeppelin”" in html
    assert '<meta name="robots" content="noindex">' in html


def test_search_page_renders_snippets_as_marked_html(client):
    EventFactory(title="Regional workshop", summary="<b>Zeppelin</b> & more")

    _response, html = search(client, q="zeppelin")

    assert "<mark>Zeppelin</mark> &amp; more" in html


@pytest.mark.parametrize("query", [None, "", "   "])
def test_search_page_without_a_query_shows_only_the_form(client, query):
    EventFactory(title="Zeppelin workshop")

    response, html = search(client, **({} if query is None else {"q": query}))

    assert '<input type="search" id="search-q" name="q" value=""' in html
    assert response.context["groups"] == []
    assert 'role="alert"' not in html
    assert "Nothing published matches" not in html


def test_search_page_refuses_a_query_that_is_too_long(client):
    response, html = search(client, status=400, q="zeppelin " * 1111)

    assert "Your search is too long (at most 200 characters; it has 9998)" in html
    assert response.context["groups"] == []
    assert "zeppelin " * 30 not in html  # the box keeps the first 200 characters only


def test_search_page_refuses_a_nul_character(client):
    EventFactory(title="Zeppelin workshop")

    response, html = search(client, status=400, q="zepp\x00elin")

    assert "Your search contains a NUL character" in html
    assert response.context["groups"] == []
    assert 'value="zeppelin"' in html


@pytest.mark.parametrize("query", ["?!...,;", "the and of", "-", "- the", '""', "___"])
def test_search_page_explains_a_query_without_words(client, query):
    # Well formed, so not an error (the API answers such a query with an empty list),
    # but the page says why nothing matches.
    EventFactory(title="The workshop of the year", summary="And more.")

    response, html = search(client, q=query)

    assert "has no words to look for, so nothing matches" in html
    assert "aria-invalid" not in html
    assert response.context["groups"] == []
    assert search_all(query) == []


@pytest.mark.parametrize("query", ["-zeppelin", "the -airship"])
def test_search_page_explains_a_query_that_only_leaves_words_out(client, query):
    EventFactory(title="Zeppelin workshop")

    response, html = search(client, q=query)

    assert response.context["groups"] == []

    assert "a word after a minus sign is one to leave out" in html


def test_search_page_uses_the_last_of_repeated_q_parameters(client):
    EventFactory(title="Zeppelin workshop")

    response = client.get(f"{SEARCH_URL}?q=airship&q=zeppelin")

    assert response.context["query"] == "zeppelin"
    assert [group.key for group in response.context["groups"]] == ["events"]


def test_search_page_never_echoes_markup_unescaped(client):
    EventFactory(title="Script workshop", summary="On alert systems, 1 day.")
    payload = "<script>alert(1)</script>"

    _response, html = search(client, q=payload)

    assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>“&lt;script&gt;alert(1)&lt;/script&gt;”: search" in html


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%ED%A0%80",
        "q=%FF",
        "q=%22unclosed",
        "q=a%20%26%20%7C%20!%20(%20)%20%3A*",
        "q=OR",
        "q=zeppelin%20or%20-",
    ],
)
def test_search_page_survives_odd_input(client, query_string):
    EventFactory(title="Zeppelin workshop")

    response = client.get(f"{SEARCH_URL}?{query_string}")

    html = response.content.decode()
    # Answered, never a server error: a search with nothing to look for is a 400 that
    # says so.
    assert response.status_code in (200, 400)
    assert (response.status_code == 400) == ('role="alert"' in html)
    assert "<h1>" in html
    assert 'name="q"' in html
    assert "<script>alert" not in html


def test_search_page_of_a_query_longer_than_the_word_limit_still_answers(client):
    EventFactory(title="Zeppelin workshop")
    query = " ".join(f"zeppelin{n}" for n in range(16))

    _response, html = search(client, q=query)

    assert len(parse_query(query).words) == 12
    assert "Nothing published matches" in html


def test_search_page_query_count_does_not_grow_with_results(client):
    url = f"{SEARCH_URL}?q=zeppelin"
    make_one_of_each("Zeppelin", n=0)
    with_one_of_each = count_queries(client, url)
    for n in (1, 2):
        make_one_of_each("Zeppelin", n=n)

    # A count and the rows for each kind, the speakers' public organisations, and the
    # speeches of events whose own text holds no match (for their snippets).
    assert with_one_of_each == count_queries(client, url) == 2 * len(SOURCES) + 2
    assert client.get(url).context["total"] == 18


def test_search_page_without_matches_costs_one_query_per_kind(client):
    assert count_queries(client, f"{SEARCH_URL}?q=zeppelin") == len(SOURCES)


def test_search_page_names_a_parameter_it_does_not_take_and_still_searches(client):
    EventFactory(title="Zeppelin workshop")

    response, html = search(client, status=400, q="zeppelin", kind="events")

    assert "“kind” is not a parameter of the search; it takes q." in html
    assert [group.key for group in response.context["groups"]] == ["events"]
    assert search(client, q="zeppelin", utm_source="newsletter")[0].context["query"] == "zeppelin"
