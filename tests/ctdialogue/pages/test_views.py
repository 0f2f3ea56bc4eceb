"""What every public list page shares: whatever a visitor puts in the address, the page
answers in words, never with a 500; pages past the end; downloads that keep the filters."""

import re

import pytest

from tests.factories import (
    EventFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_list_pages_offer_downloads_that_carry_the_filters(client, export_records):
    page = client.get("/events/", {"theme": "evidence", "page": "1"}).content.decode()

    assert 'href="/events/export.csv?theme=evidence"' in page
    assert 'href="/events/export.json?theme=evidence"' in page


LIST_PAGES = {
    "/events/": [
        "q", "theme", "year", "date_from", "date_to", "country", "series", "status",
        "stakeholder", "organization", "initiative", "resolution", "sort", "page",
    ],
    "/initiatives/": ["q", "theme", "partner", "page"],
    "/stakeholders/": ["q", "kind", "country", "page"],
    "/speakers/": ["q", "organization", "page"],
    "/resolutions/": ["q", "number", "year", "theme", "page"],
}  # fmt: skip


BAD_VALUES = {
    "word": "abc",
    "impossible-date": "2018-02-30",
    "negative": "-1",
    "huge": "x" * 10_000,
    "nul": "a\x00b",
    "markup": "<script>alert(1)</script>",
}


# For free text most values are fine; only these are refused. ("-1" leaves the word
# "1" out of a search: well formed, it finds nothing, and the page says why.)
BAD_FOR_TEXT = {"huge", "nul"}


CASES = [
    pytest.param(url, param, key, id=f"{url}{param}={key}")
    for url, params in LIST_PAGES.items()
    for param in params
    for key in BAD_VALUES
]


@pytest.fixture
def content():
    theme = ThemeFactory()
    EventFactory(themes=[theme])
    InitiativeFactory()
    OrganizationFactory()
    PersonFactory()
    ResolutionFactory()


@pytest.mark.parametrize(("url", "param", "key"), CASES)
def test_list_page_bad_value_gets_a_message_and_no_error(client, content, url, param, key):
    response = client.get(url, {param: BAD_VALUES[key]})

    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    if param != "q" or key in BAD_FOR_TEXT:
        # The one contract for bad parameters: 400, and the page still shows what it can.
        assert response.status_code == 400
        assert "could not be used" in page
        # What could not be used is left out, and the list shows what it would without it.
        assert result_count(page) == result_count(client.get(url).content.decode())
    else:
        assert response.status_code == 200
        assert "could not be used" not in page
        if key == "negative":
            assert "“-1” has no words to look for, so nothing matches" in page
            assert result_count(page).startswith("0 ")


def result_count(page: str) -> str:
    [count] = re.findall(r'<p class="result-count" role="status">([^<]*)</p>', page)
    return count


@pytest.mark.parametrize("url", list(LIST_PAGES))
def test_list_page_repeated_parameters_use_one_value(client, content, url):
    response = client.get(f"{url}?page=1&page=2&q=a&q=b&year=2018&year=x")

    assert response.status_code == 400
    assert "could not be used" in response.content.decode()


@pytest.mark.parametrize("url", list(LIST_PAGES))
def test_list_page_past_the_end_shows_the_last_page_with_a_message(client, content, url):
    response = client.get(url, {"page": "999"})

    page = response.content.decode()
    assert response.status_code == 404
    assert "there is no page 999; the last page (1) is shown." in page
