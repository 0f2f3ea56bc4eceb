"""The resolutions' pages: the list, a resolution, and its address by symbol."""

import datetime

import pytest

from tests.assertions import assert_not_found, assert_queries_do_not_grow
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    ResolutionFactory,
    ThemeFactory,
    rich_event,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/resolutions/S/RES/2396 (2017)/", "/resolutions/S/RES/2396(2017)"]
)
def test_resolution_is_addressable_by_its_symbol(client, path):
    ResolutionFactory(number=2396, year=2017)

    response = client.get(path)

    assert response.status_code == 301
    assert response["Location"] == "/resolutions/2396/"


def test_resolution_symbol_with_the_wrong_year_is_a_404(client):
    ResolutionFactory(number=2396, year=2017)

    assert_not_found(client.get("/resolutions/S/RES/2396 (2016)/"))


def linked_resolution(**kwargs):
    """A published resolution linked to a theme, an initiative and an event, and to a
    draft of each, which its page must leave out."""
    resolution = ResolutionFactory(**kwargs)
    resolution.themes.add(ThemeFactory(name="Digital evidence"), ThemeFactory(draft=True))
    resolution.initiatives.add(
        InitiativeFactory(name="Tech Against Terrorism"), InitiativeFactory(draft=True)
    )
    resolution.events.add(
        EventFactory(title="Bangkok workshop"), EventFactory(title="Draft meeting", draft=True)
    )
    return resolution


def test_resolution_list_shows_symbol_adoption_date_and_subject(client):
    ResolutionFactory(number=2396, year=2017, title="Returning foreign terrorist fighters")
    ResolutionFactory(number=2395, year=2017, draft=True)

    page = client.get("/resolutions/").content.decode()

    assert '<a href="/resolutions/2396/">S/RES/2396 (2017)</a>' in page
    assert '<time datetime="2017-12-21">21 December 2017</time>' in page
    assert "Returning foreign terrorist fighters" in page
    assert "2395" not in page
    assert '<p class="result-count" role="status">1 resolution</p>' in page


def test_resolution_list_filters_by_theme_and_year(client):
    theme = ThemeFactory(slug="digital-evidence")
    ResolutionFactory(number=2322, year=2016, adopted_on=datetime.date(2016, 12, 12)).themes.add(
        theme
    )
    ResolutionFactory(number=2396, year=2017).themes.add(theme)
    ResolutionFactory(number=2341, year=2017)

    page = client.get("/resolutions/", {"theme": "digital-evidence", "year": "2017"}).content

    assert b"S/RES/2396 (2017)" in page
    assert b"S/RES/2322" not in page
    assert b"S/RES/2341" not in page


def test_resolution_list_filters_by_the_initiatives_it_recognises(client):
    tat = InitiativeFactory(slug="tat", name="Tech Against Terrorism")
    hidden = InitiativeFactory(slug="hidden", draft=True)
    ResolutionFactory(number=2354, year=2017).initiatives.add(tat)
    ResolutionFactory(number=2341, year=2017).initiatives.add(hidden)

    page = client.get("/resolutions/", {"initiative": "tat"}).content.decode()
    api = client.get("/api/resolutions/", {"initiative": "tat"}).json()
    draft = client.get("/resolutions/", {"initiative": "hidden"})

    assert "S/RES/2354 (2017)" in page
    assert "S/RES/2341" not in page
    assert [item["number"] for item in api["results"]] == [2354]
    assert draft.status_code == 400  # a draft initiative is not one the public knows
    assert "“hidden” is not one we know." in draft.content.decode()


def test_initiatives_list_names_the_resolutions_that_recognise_each(client):
    tat = InitiativeFactory(slug="tat", name="Tech Against Terrorism")
    ResolutionFactory(number=2354, year=2017).initiatives.add(tat)
    ResolutionFactory(number=2395, year=2017, draft=True).initiatives.add(tat)

    page = client.get("/initiatives/").content.decode()

    assert 'Recognised in <a href="/resolutions/2354/">S/RES/2354 (2017)</a></p>' in page
    assert "2395" not in page


def test_resolution_page_shows_its_facts_and_only_public_links(client):
    resolution = linked_resolution(number=2396, year=2017, agenda_item="Threats to peace")

    page = client.get("/resolutions/2396/").content.decode()

    assert "<h1>S/RES/2396 (2017)</h1>" in page
    assert '<time datetime="2017-12-21">21 December 2017</time>' in page
    assert "Threats to peace" in page
    assert f'<a href="{resolution.official_url}" rel="noopener">' in page
    for public in ("Digital evidence", "Tech Against Terrorism", "Bangkok workshop"):
        assert public in page
    assert "Draft meeting" not in page
    assert page.count("<li><a href=") >= 2
    hidden = [*resolution.themes.drafts(), *resolution.initiatives.drafts()]
    for record in hidden:
        assert record.get_absolute_url() not in page


def test_draft_or_unknown_resolution_is_a_404(client):
    ResolutionFactory(number=2395, draft=True)

    assert_not_found(client.get("/resolutions/2395/"))
    assert_not_found(client.get("/resolutions/9999/"))


def test_resolution_list_query_count_is_the_same_for_one_and_three_rows(client):
    def add_row():
        resolution = ResolutionFactory()
        resolution.themes.add(ThemeFactory())
        resolution.initiatives.add(InitiativeFactory())
        resolution.events.add(rich_event())

    assert_queries_do_not_grow(client, "/resolutions/", add_row)


def test_resolution_page_query_count_is_the_same_for_one_and_three_links(client):
    resolution = ResolutionFactory(number=2396)

    def add_links():  # what each row of the list above has, here on one resolution
        resolution.themes.add(ThemeFactory())
        resolution.initiatives.add(InitiativeFactory())
        resolution.events.add(rich_event())

    assert_queries_do_not_grow(client, "/resolutions/2396/", add_links)
