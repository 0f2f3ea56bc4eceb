"""Records shared by the tests of the lists' exports and of the API, and readers of
what those give back. Loaded as a pytest plugin by tests/conftest.py."""

import csv
import datetime
import io
import json

import pytest
from django.core.cache import cache
from openapi_schema_validator import OAS31Validator

from ctdialogue.publishing.review import NEXT_DUE_KEY, NOTHING_DUE
from tests.factories import (
    ContributionFactory,
    EventFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    ResolutionFactory,
    ResolutionRelationFactory,
    ThemeFactory,
)


@pytest.fixture
def resolution_framework(db):
    """1535 (2004) set CTED's mandate; 2395 (2017), adopted unanimously at the 8148th
    meeting, extends it and recalls 1373 (2001); 2617 (2021) extends it again. A draft
    (2700) and a resolution scheduled for next week (2701) refer to 2395: nothing public
    may show them yet."""
    first = ResolutionFactory(number=1373, year=2001, adopted_on=datetime.date(2001, 9, 28))
    cted = ResolutionFactory(number=1535, year=2004, adopted_on=datetime.date(2004, 3, 26))
    renewal = ResolutionFactory(
        number=2395, year=2017, title="Renews CTED's mandate", meeting=8148, unanimous=True
    )
    later = ResolutionFactory(number=2617, year=2021, adopted_on=datetime.date(2021, 12, 30))
    ResolutionRelationFactory(source=renewal, kind="extends", target=cted)
    ResolutionRelationFactory(source=renewal, kind="recalls", target=first)
    ResolutionRelationFactory(source=later, kind="extends", target=renewal)
    draft = ResolutionFactory(number=2700, year=2023, adopted_on=None, draft=True)
    scheduled = ResolutionFactory(number=2701, year=2023, adopted_on=None, scheduled=True)
    ResolutionRelationFactory(source=draft, kind="recalls", target=renewal)
    ResolutionRelationFactory(source=scheduled, kind="reaffirms", target=renewal)
    return renewal


@pytest.fixture
def export_records(db):
    evidence = ThemeFactory(name="Digital evidence", slug="evidence")
    other = ThemeFactory(name="Other", slug="other")
    ngo = OrganizationFactory(name="ICT4Peace", kind="ngo", country="CH")
    OrganizationFactory(name="Ministry", kind="member_state")
    OrganizationFactory(name="Hidden NGO", kind="ngo", draft=True)
    speaker = PersonFactory(name="Andrei Kovalenko", organization=ngo)
    PersonFactory(name="Someone Else")
    PersonFactory(name="Draft Kovalenko", draft=True)
    events = []
    for day, theme in [(1, evidence), (2, other), (3, evidence)]:
        event = EventFactory(
            title=f"Workshop {day}", start_date=datetime.date(2018, 1, day), themes=[theme]
        )
        ParticipationFactory(event=event, organization=ngo, role="co_host")
        ContributionFactory(event=event, person=speaker)
        events.append(event)
    EventFactory(title="Draft workshop", themes=[evidence], draft=True)
    initiative = InitiativeFactory(name="Tech Against Terrorism")
    initiative.themes.add(evidence)
    initiative.events.add(events[0])
    InitiativePartnerFactory(initiative=initiative, organization=ngo, role="lead")
    InitiativeFactory(name="Another initiative")
    resolution = ResolutionFactory(number=2396, year=2017)
    resolution.initiatives.add(initiative)
    resolution.events.add(events[0])
    ResolutionFactory(number=2462, year=2019, adopted_on=datetime.date(2019, 3, 28))
    ResolutionFactory(number=2395, year=2017, draft=True)
    return events


def page_urls(client, path, params):
    response = client.get(path, params)
    return [obj.get_absolute_url() for obj in response.context["object_list"]]


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def read_json(response):
    return json.loads(b"".join(response.streaming_content).decode("utf-8"))


@pytest.fixture
def api_records(db):
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
def schema(django_db_setup, django_db_blocker):
    """The OpenAPI document, read once (its page reads only the content version)."""
    from django.test import Client

    cache.set(NEXT_DUE_KEY, NOTHING_DUE)
    with django_db_blocker.unblock():
        return Client().get("/api/schema/", {"format": "json"}).json()


def validate_against(schema, component, data):
    OAS31Validator(
        {"$ref": f"#/components/schemas/{component}", "components": schema["components"]}
    ).validate(data)
