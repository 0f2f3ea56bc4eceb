import datetime
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.http import QueryDict
from django.utils import timezone

from events.filters import EventFilter
from events.models import Event, Organization, Participation, Theme
from tests.factories import (
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    OrganizationFactory,
    ParticipationFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def run(params):
    data = QueryDict(mutable=True)
    for key, value in params.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return EventFilter(data, queryset=Event.objects.published())


@pytest.fixture
def record():
    """A hand-made data set: five events with known themes, years, places, people."""
    evidence = ThemeFactory(name="Digital evidence", slug="digital-evidence")
    radical = ThemeFactory(name="Online radicalisation", slug="online-radicalisation")
    infra = ThemeFactory(name="Critical infrastructure", slug="critical-infrastructure")
    series = EventSeriesFactory(slug="asia")
    company = OrganizationFactory(slug="acme", kind="private_sector", country="US")
    ministry = OrganizationFactory(slug="mofa-th", kind="member_state", country="TH")
    initiative = InitiativeFactory(slug="tat")
    jeju = EventFactory(
        title="Jeju workshop",
        series=series,
        edition=1,
        start_date=D(2017, 5, 1),
        end_date=D(2017, 5, 31),
        date_precision="month",
        country="KR",
        city="Jeju",
        themes=[radical],
    )
    bangkok = EventFactory(
        title="Bangkok workshop",
        series=series,
        edition=2,
        start_date=D(2018, 1, 24),
        end_date=D(2018, 1, 25),
        country="TH",
        themes=[evidence, radical, infra],
    )
    third = EventFactory(
        title="Third workshop",
        series=series,
        edition=3,
        start_date=D(2018, 7, 1),
        end_date=D(2018, 12, 31),
        date_precision="half_year",
        status="tentative",
        city="",
        country="",
        themes=[evidence],
    )
    manila = EventFactory(
        title="Manila meeting",
        start_date=D(2019, 3, 4),
        end_date=None,
        city="Manila",
        country="PH",
        themes=[infra],
        kind="meeting",
    )
    draft = EventFactory(title="Draft", draft=True, country="TH", themes=[evidence])
    ParticipationFactory(event=bangkok, organization=ministry, role="co_host")
    ParticipationFactory(event=bangkok, organization=None, stakeholder_kind="academia")
    ParticipationFactory(event=manila, organization=company)
    ParticipationFactory(event=draft, organization=company)
    initiative.events.add(bangkok)
    ResolutionFactory(number=2396, year=2017).events.add(bangkok, manila)
    return {
        "jeju": jeju,
        "bangkok": bangkok,
        "third": third,
        "manila": manila,
        "draft": draft,
    }


def titles(filterset):
    return sorted(event.title for event in filterset.qs)


def test_no_filters_lists_every_published_event_newest_first(record):
    assert [e.title for e in run({"sort": "-date"}).qs] == [
        "Manila meeting",
        "Third workshop",
        "Bangkok workshop",
        "Jeju workshop",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "digital-evidence"}, ["Bangkok workshop", "Third workshop"]),
        (
            {"theme": ["digital-evidence", "critical-infrastructure"]},
            ["Bangkok workshop", "Manila meeting", "Third workshop"],
        ),
        ({"year": "2018"}, ["Bangkok workshop", "Third workshop"]),
        ({"year": "2017"}, ["Jeju workshop"]),
        ({"date_from": "2018-02-01"}, ["Manila meeting", "Third workshop"]),
        ({"date_to": "2018-01-24"}, ["Bangkok workshop", "Jeju workshop"]),
        ({"country": "TH"}, ["Bangkok workshop"]),
        ({"series": "asia"}, ["Bangkok workshop", "Jeju workshop", "Third workshop"]),
        ({"status": "tentative"}, ["Third workshop"]),
        ({"stakeholder": "private_sector"}, ["Manila meeting"]),
        ({"stakeholder": "academia"}, ["Bangkok workshop"]),
        ({"stakeholder": "member_state"}, ["Bangkok workshop"]),
        ({"organization": "acme"}, ["Manila meeting"]),
        ({"initiative": "tat"}, ["Bangkok workshop"]),
        ({"resolution": "2396"}, ["Bangkok workshop", "Manila meeting"]),
        ({"q": "jeju"}, ["Jeju workshop"]),
        ({"q": "workshop bangkok"}, ["Bangkok workshop"]),
        ({"theme": "digital-evidence", "year": "2018", "status": "held"}, ["Bangkok workshop"]),
    ],
)
def test_event_filter_returns_exactly_the_matching_published_events(record, params, expected):
    assert titles(run(params)) == expected


def test_event_filter_sorts_by_title_and_oldest_first(record):
    assert [e.title for e in run({"sort": "title"}).qs][:2] == [
        "Bangkok workshop",
        "Jeju workshop",
    ]
    assert run({"sort": "date"}).qs.first().title == "Jeju workshop"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc"}, "Year: enter a year as four digits, such as 2018."),
        ({"year": "99999"}, "Year: enter a year between 1900 and 2100."),
        ({"theme": "no-such-theme"}, "Theme: “no-such-theme” is not one we know."),
        ({"date_from": "2018-02-30"}, "From: Enter a valid date."),
        ({"country": "XX"}, "Country: Select a valid choice."),
        ({"q": "x" * 10_000}, "Text: Ensure this value has at most 200 characters"),
        ({"q": "bang\x00kok"}, "Text: the value contained a NUL character and was ignored."),
    ],
)
def test_bad_values_are_reported_in_words_and_the_rest_still_applies(record, params, message):
    filterset = run({**params, "status": "held"})

    assert any(problem.startswith(message) for problem in filterset.problems), filterset.problems
    assert titles(filterset) == ["Bangkok workshop", "Jeju workshop", "Manila meeting"]


def test_facets_count_each_value_with_the_other_filters(record):
    filterset = run({"theme": "digital-evidence", "country": "TH"})
    facets = filterset.facets()

    themes = {item["value"]: item["count"] for item in facets["theme"]}
    # theme facet ignores the theme filter itself but keeps country=TH
    assert themes == {
        "critical-infrastructure": 1,
        "digital-evidence": 1,
        "online-radicalisation": 1,
    }
    countries = {item["value"]: item["count"] for item in facets["country"]}
    # country facet keeps the theme filter (digital evidence: Bangkok, Third)
    assert countries == {"TH": 1}
    years = {item["value"]: item["count"] for item in facets["year"]}
    assert years == {"2018": 1}
    kinds = {item["value"]: item["count"] for item in facets["stakeholder"]}
    assert kinds["academia"] == 1
    assert kinds["member_state"] == 1
    assert kinds["private_sector"] == 0
    assert [
        item["selected"] for item in facets["theme"] if item["value"] == "digital-evidence"
    ] == [True]


def test_facets_without_filters_count_all_published_events(record):
    facets = run({}).facets()

    assert {i["value"]: i["count"] for i in facets["year"]} == {
        "2017": 1,
        "2018": 2,
        "2019": 1,
    }
    assert {i["value"]: i["count"] for i in facets["country"]} == {"KR": 1, "PH": 1, "TH": 1}
    assert {i["value"]: i["count"] for i in facets["theme"]} == {
        "critical-infrastructure": 2,
        "digital-evidence": 2,
        "online-radicalisation": 2,
    }
    kinds = {i["value"]: i["count"] for i in facets["stakeholder"]}
    assert kinds["private_sector"] == 1  # the draft event's participation does not count


def test_active_filters_give_removal_links(record):
    chips = run({"theme": ["digital-evidence", "online-radicalisation"], "year": "2018"})
    chips = chips.active_filters()

    assert [(c["label"], c["value"]) for c in chips] == [
        ("theme", "Digital evidence"),
        ("theme", "Online radicalisation"),
        ("year", "2018"),
    ]
    assert chips[0]["remove_query"] == "theme=online-radicalisation&year=2018"
    assert chips[2]["remove_query"] == "theme=digital-evidence&theme=online-radicalisation"


def test_long_facets_list_values_in_the_results_most_frequent_first(record):
    facets = run({"year": "2018"}).facets()

    assert [(i["value"], i["count"]) for i in facets["organization"]] == [("mofa-th", 1)]
    assert [(i["value"], i["count"]) for i in facets["series"]] == [("asia", 2)]
    assert [(i["value"], i["count"]) for i in facets["initiative"]] == [("tat", 1)]


def test_long_facet_keeps_the_chosen_value_even_without_results(record):
    facets = run({"organization": "acme", "year": "2017"}).facets()

    assert facets["organization"][0] == {
        "value": "acme",
        "label": str(record["manila"].participations.get().organization),
        "count": 0,
        "selected": True,
    }


# --- Time is read when the request is served, never at import ------------------


def filterable(params):
    filterset = EventFilter(QueryDict(params), queryset=Event.objects.published())
    return list(filterset.qs), filterset.problems


def test_theme_published_after_the_filterset_class_exists_can_be_filtered_on():
    # EventFilter was imported, and its class body run, before this theme existed.
    theme = ThemeFactory(publish_at=timezone.now())
    event = EventFactory(themes=[theme])

    assert filterable(f"theme={theme.slug}") == ([event], [])


def test_scheduled_theme_becomes_a_filter_and_a_facet_at_its_publish_time():
    theme = ThemeFactory(publish_at=timezone.now() + datetime.timedelta(hours=1))
    event = EventFactory(themes=[theme])

    _events, problems = filterable(f"theme={theme.slug}")
    assert problems == [f"Theme: “{theme.slug}” is not one we know."]
    facet = EventFilter(QueryDict(), queryset=Event.objects.published()).facets()["theme"]
    assert theme.slug not in [item["value"] for item in facet]

    Theme.objects.filter(pk=theme.pk).update(publish_at=timezone.now())  # its time comes

    assert filterable(f"theme={theme.slug}") == ([event], [])
    facet = EventFilter(QueryDict(), queryset=Event.objects.published()).facets()["theme"]
    assert {"value": theme.slug, "label": theme.name, "count": 1, "selected": False} in facet


@pytest.mark.parametrize(
    ("factory", "link", "parameter"),
    [
        (EventSeriesFactory, "series", "series"),
        (OrganizationFactory, "organization", "organization"),
        (InitiativeFactory, "initiative", "initiative"),
    ],
)
def test_every_record_choice_is_read_when_the_filter_is_built(factory, link, parameter):
    record = factory(publish_at=timezone.now())
    event = EventFactory(**({"series": record} if link == "series" else {}))
    if link == "organization":
        ParticipationFactory(event=event, organization=record)
    if link == "initiative":
        record.events.add(event)

    assert filterable(f"{parameter}={record.slug}") == ([event], [])


# --- Facet counts from the index equal counting the results one by one ------------


def counted_one_by_one(events) -> dict[str, Counter]:
    """Each facet's counts over ``events``, read record by record."""
    counts = {name: Counter() for name in ("theme", "year", "country", "stakeholder")}
    counts["organization"] = Counter()
    for event in events:
        counts["theme"].update(t.slug for t in Theme.objects.public().filter(events=event))
        end = event.end_date or event.start_date
        counts["year"].update(str(y) for y in range(event.start_date.year, end.year + 1))
        counts["country"].update([event.country.code] if event.country else [])
        public = Participation.objects.public().filter(event=event).select_related("organization")
        counts["stakeholder"].update(
            {p.organization.kind if p.organization else p.stakeholder_kind for p in public}
        )
        counts["organization"].update({p.organization.slug for p in public if p.organization})
    return counts


@pytest.fixture
def generated():
    call_command("generate_content", "--events", "50", verbosity=0)
    # Not everything public now: a draft organisation, a scheduled theme.
    busiest = Organization.objects.annotate(n=Count("participations")).order_by("-n")[0]
    Organization.objects.filter(pk=busiest.pk).update(publication_status="draft")
    later = timezone.now() + datetime.timedelta(days=1)
    Theme.objects.filter(pk=Theme.objects.order_by("pk")[0].pk).update(publish_at=later)
    event = Event.objects.published().order_by("-start_date")[0]
    participation = Participation.objects.filter(event=event, organization__isnull=False)[0]
    theme = Theme.objects.public().filter(events__isnull=False).order_by("pk")[0]
    return {
        "theme": theme.slug,
        "year": str(event.start_date.year),
        "country": event.country.code,
        "stakeholder": participation.organization.kind,
        "organization": participation.organization.slug,
        "status": event.status,
    }


@pytest.mark.parametrize(
    "given",
    [
        ("theme",),
        ("year",),
        ("country", "stakeholder"),
        ("organization",),
        ("theme", "year", "status"),
        ("year", "status"),
    ],
)
def test_facet_counts_with_any_filters_equal_counting_the_results(generated, given):
    params = {name: generated[name] for name in given}
    filterset = run(params)
    facets = filterset.facets()
    organizations = filterset.long_facets()["organization"]

    for name in ("theme", "year", "country", "stakeholder", "organization"):
        others = {key: value for key, value in params.items() if key != name}
        expected = counted_one_by_one(run(others).qs)[name]
        shown = organizations if name == "organization" else facets[name]
        counts = {item["value"]: item["count"] for item in shown if item["count"]}
        if name == "organization":
            expected = {slug: n for slug, n in expected.items() if slug in counts}
            assert len(counts) == min(len(counted_one_by_one(run(others).qs)[name]), 50)
        assert counts == dict(expected), (name, params)
