"""The resolutions' pages: the list, a resolution, and its address by symbol."""

import datetime

import pytest

from tests.assertions import assert_not_found, assert_queries_do_not_grow
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    ResolutionFactory,
    ResolutionRelationFactory,
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


@pytest.mark.usefixtures("resolution_framework")
def test_resolution_page_shows_its_relations_both_ways_and_only_public_ones(client):
    page = client.get("/resolutions/2395/").content.decode()
    earlier = client.get("/resolutions/1535/").content.decode()

    assert 'Extends the mandate set by <a href="/resolutions/1535/">S/RES/1535 (2004)</a>' in page
    assert 'Recalls <a href="/resolutions/1373/">S/RES/1373 (2001)</a>' in page
    assert 'Mandate extended by <a href="/resolutions/2617/">S/RES/2617 (2021)</a>' in page
    assert 'Mandate extended by <a href="/resolutions/2395/">S/RES/2395 (2017)</a>' in earlier
    # The draft and the one scheduled for next week say nothing yet, anywhere.
    for text in (page, earlier):
        assert "2700" not in text
        assert "2701" not in text
    # The timeline draws the four, this one in bold, with one curve per relation.
    timeline = page[page.index('<figure class="chart framework-chart">') :]
    timeline = timeline[: timeline.index("</figure>")]
    assert timeline.count("<circle") == 4
    assert timeline.count("framework-chart__row--current") == 1
    assert timeline.count("framework-chart__arc--extends") == 2
    assert timeline.count("framework-chart__arc--recalls") == 1
    assert ">2395 (2017)</text>" in timeline


def test_resolution_without_relations_has_no_related_section(client):
    ResolutionFactory(number=2341, year=2017)

    page = client.get("/resolutions/2341/").content.decode()

    assert "Related resolutions" not in page
    assert "framework-chart" not in page


@pytest.mark.usefixtures("resolution_framework")
def test_resolution_list_draws_the_whole_public_framework_whatever_the_filters(client):
    page = client.get("/resolutions/", {"year": "2021"}).content.decode()

    timeline = page[page.index('<figure class="chart framework-chart">') :]
    timeline = timeline[: timeline.index("</figure>")]
    assert '<p class="result-count" role="status">1 resolution</p>' in page
    assert timeline.count("<circle") == 4  # 1373, 1535, 2395, 2617; not 2700, 2701
    assert timeline.count('class="framework-chart__arc') == 3
    assert "from 2001 to 2021" in timeline
    assert "2700" not in page
    assert "2701" not in page


def test_resolution_page_gives_meeting_vote_and_the_six_official_texts(client):
    ResolutionFactory(
        number=2396,
        year=2017,
        meeting=8148,
        unanimous=True,
    )
    ResolutionFactory(number=2395, year=2017, vote="without_vote")

    page = client.get("/resolutions/2396/").content.decode()
    other = client.get("/resolutions/2395/").content.decode()

    assert '<a href="https://undocs.org/S/PV.8148" rel="noopener">S/PV.8148</a>' in page
    assert "15 in favour, none against, no abstentions (unanimous)" in page
    for code, name in (("ar", "العربية"), ("zh", "中文"), ("ru", "Русский")):
        link = f'<a href="https://undocs.org/{code}/S/RES/2396(2017)" hreflang="{code}" '
        assert f'{link}lang="{code}" rel="noopener">{name}</a>' in page
    assert "Adopted without a vote" in other
    assert "Meeting record" not in other


def test_resolution_list_query_count_is_the_same_for_one_and_three_rows(client):
    def add_row():
        resolution = ResolutionFactory()
        resolution.themes.add(ThemeFactory())
        resolution.initiatives.add(InitiativeFactory())
        resolution.events.add(rich_event())
        ResolutionRelationFactory(source=resolution)

    assert_queries_do_not_grow(client, "/resolutions/", add_row)


def test_resolution_page_query_count_is_the_same_for_one_and_three_links(client):
    resolution = ResolutionFactory(number=2396)

    def add_links():  # what each row of the list above has, here on one resolution
        resolution.themes.add(ThemeFactory())
        resolution.initiatives.add(InitiativeFactory())
        resolution.events.add(rich_event())
        ResolutionRelationFactory(source=resolution)
        ResolutionRelationFactory(target=resolution)

    assert_queries_do_not_grow(client, "/resolutions/2396/", add_links)
