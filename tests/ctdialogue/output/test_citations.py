import datetime
import json
import re

import pytest

from tests.assertions import assert_not_found
from tests.factories import EventFactory, InitiativeFactory, ResolutionFactory

pytestmark = pytest.mark.django_db

D = datetime.date

BIBTEX_ENTRY = re.compile(r"^@(?P<type>\w+)\{(?P<key>[a-z0-9_]+),\n(?P<body>.*)\n\}\n$", re.S)
BIBTEX_FIELD = re.compile(r"^  (?P<name>\w+) = (?:\{(?P<braced>.*)\}|(?P<bare>\w+)),?$")


def parse_bibtex(text):
    match = BIBTEX_ENTRY.match(text)
    assert match, text
    fields = {}
    for line in match["body"].splitlines():
        field = BIBTEX_FIELD.match(line)
        assert field, line
        fields[field["name"]] = field["braced"] if field["braced"] is not None else field["bare"]
    return match["type"], match["key"], fields


def test_resolution_bibtex_carries_symbol_title_date_and_url(client):
    ResolutionFactory(
        number=2396,
        year=2017,
        adopted_on=datetime.date(2017, 12, 21),
        title="Returning & relocating foreign terrorist fighters",
    )

    response = client.get("/resolutions/2396/cite.bib")

    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    kind, key, fields = parse_bibtex(response.content.decode())
    assert (kind, key) == ("misc", "unsc_res_2396_2017")
    # The UN's designation, never this site's description of the subject.
    assert fields["title"] == "{Resolution 2396 (2017)}"
    assert fields["number"] == "S/RES/2396 (2017)"
    assert fields["author"] == "{United Nations Security Council}"
    assert (fields["year"], fields["month"]) == ("2017", "dec")
    assert fields["url"] == "https://undocs.org/S/RES/2396(2017)"


def test_resolution_citation_uses_the_uns_own_title_when_recorded(client):
    ResolutionFactory(
        number=2396,
        year=2017,
        title="Our words for it",
        official_title="Resolution 2396 (2017) / adopted by the Security Council",
    )

    item = json.loads(client.get("/resolutions/2396/cite.json").content)[0]
    data = client.get("/api/resolutions/", {"number": "2396"}).json()["results"][0]

    assert item["title"] == "Resolution 2396 (2017) / adopted by the Security Council"
    assert (data["title"], data["official_title"]) == (
        "Our words for it",
        "Resolution 2396 (2017) / adopted by the Security Council",
    )


def test_resolution_csl_json_has_the_expected_shape(client):
    ResolutionFactory(number=2395, year=2017, adopted_on=datetime.date(2017, 12, 21))

    items = json.loads(client.get("/resolutions/2395/cite.json").content)

    assert len(items) == 1
    item = items[0]
    assert item["type"] == "legislation"
    assert item["number"] == "S/RES/2395 (2017)"
    assert item["issued"] == {"date-parts": [[2017, 12, 21]]}
    assert item["URL"] == "https://undocs.org/S/RES/2395(2017)"
    assert item["author"] == [{"literal": "United Nations Security Council"}]
    assert set(item["accessed"]) == {"date-parts"}


def test_event_citations_agree_in_both_formats(client):
    event = EventFactory(
        title="2nd Asia ICT and CT Dialogue",
        slug="2nd-dialogue",
        start_date=datetime.date(2018, 1, 24),
        end_date=datetime.date(2018, 1, 25),
    )

    _, key, fields = parse_bibtex(client.get("/events/2nd-dialogue/cite.bib").content.decode())
    item = json.loads(client.get("/events/2nd-dialogue/cite.json").content)[0]

    url = f"http://testserver{event.get_absolute_url()}"
    assert key == item["id"] == "ctdialogue_2nd_dialogue_2018"
    assert fields["title"] == "{2nd Asia ICT and CT Dialogue}"
    assert item["title"] == event.title
    assert fields["url"] == item["URL"] == url
    # Both days, in both formats: the end of a range is not dropped.
    assert item["issued"] == {"date-parts": [[2018, 1, 24], [2018, 1, 25]]}
    assert (fields["year"], fields["month"]) == ("2018", "jan")
    assert fields["date"] == "2018-01-24/2018-01-25"
    assert fields["note"] == "24-25 January 2018, Bangkok, Thailand"
    assert item["type"] == "event"


# (event's dates and status, CSL date, BibTeX date fields, note)
PRECISIONS = {
    "month": (
        {"start_date": D(2017, 5, 1), "end_date": D(2017, 5, 31), "status": "held"},
        {"date-parts": [[2017, 5]]},
        {"year": "2017", "month": "may", "date": "2017-05"},
        "May 2017",
    ),
    "half_year": (
        {"start_date": D(2018, 7, 1), "end_date": D(2018, 12, 31), "status": "tentative"},
        {"date-parts": [[2018]], "circa": True},
        {"year": "2018", "date": "2018?"},
        "Second half of 2018 (tentative)",
    ),
    "year": (
        {"start_date": D(2019, 1, 1), "end_date": D(2019, 12, 31), "status": "planned"},
        {"date-parts": [[2019]]},
        {"year": "2019", "date": "2019"},
        "2019",
    ),
    "day": (
        {"start_date": D(2019, 3, 5), "end_date": None, "status": "tentative"},
        {"date-parts": [[2019, 3, 5]], "circa": True},
        {"year": "2019", "month": "mar", "date": "2019-03-05?"},
        "5 March 2019 (tentative)",
    ),
}


@pytest.mark.parametrize("precision", PRECISIONS)
def test_event_citations_claim_no_more_precision_than_is_known(client, precision):
    dates, csl, bibtex, note = PRECISIONS[precision]
    EventFactory(slug="fuzzy", date_precision=precision, city="", country="", **dates)

    _, _, fields = parse_bibtex(client.get("/events/fuzzy/cite.bib").content.decode())
    item = json.loads(client.get("/events/fuzzy/cite.json").content)[0]

    assert item["issued"] == csl
    assert {name: fields[name] for name in ("year", "month", "date") if name in fields} == bibtex
    assert fields["note"] == item["note"] == note


def test_initiative_citation_gives_the_launch_year(client):
    InitiativeFactory(name="Tech Against Terrorism", slug="tat", launched=2016)

    item = json.loads(client.get("/initiatives/tat/cite.json").content)[0]
    _, _, fields = parse_bibtex(client.get("/initiatives/tat/cite.bib").content.decode())
    french = json.loads(client.get("/fr/initiatives/tat/cite.json").content)[0]

    assert item["title"] == "Tech Against Terrorism"
    assert (item["note"], french["note"]) == ("Launched in 2016", "Lancée en 2016")
    assert item["issued"] == {"date-parts": [[2016]]}
    # Known to the year: no month is invented.
    assert (fields["year"], fields["date"]) == ("2016", "2016")
    assert "month" not in fields


def test_draft_has_no_citation_for_the_public(client):
    EventFactory(slug="secret", draft=True)
    ResolutionFactory(number=9999, draft=True)

    assert_not_found(client.get("/events/secret/cite.bib"))
    assert_not_found(client.get("/resolutions/9999/cite.json"))


@pytest.mark.parametrize("kind", ["event", "initiative", "resolution"])
def test_detail_pages_offer_cite_this(client, kind):
    obj = {
        "event": lambda: EventFactory(),
        "initiative": lambda: InitiativeFactory(),
        "resolution": lambda: ResolutionFactory(number=2322, year=2016),
    }[kind]()

    page = client.get(obj.get_absolute_url()).content.decode()

    assert "Cite this" in page
    assert 'cite.bib">BibTeX</a>' in page
    assert 'cite.json">CSL-JSON</a>' in page
    assert '<pre class="cite__text"' in page


def test_filtered_list_offers_a_permalink_to_the_view(client):
    EventFactory()

    page = client.get("/events/", {"year": "2018", "page": "1"}).content.decode()

    assert 'href="http://testserver/events/?year=2018"' in page


def test_resolution_citation_notes_the_meeting_and_vote_only_when_recorded(client):
    ResolutionFactory(
        number=2396,
        year=2017,
        agenda_item="Threats to international peace and security caused by terrorist acts",
        meeting=8148,
        unanimous=True,
    )
    ResolutionFactory(number=2395, year=2017, agenda_item="", vote="without_vote")

    item = json.loads(client.get("/resolutions/2396/cite.json").content)[0]
    _kind, _key, fields = parse_bibtex(client.get("/resolutions/2395/cite.bib").content.decode())

    assert item["note"] == (
        "Threats to international peace and security caused by terrorist acts; "
        "adopted at the 8148th meeting (S/PV.8148); vote 15-0-0"
    )
    assert fields["note"] == "adopted without a vote"
