"""The facet rows of an event say exactly what it counts under and from when, and a
refresh keeps the rows and totals equal to a rebuild from scratch, whatever was
written in between."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from events.facets import index
from events.facets.index import rebuild_all, refresh, rows_for, visible_from, years
from events.facets.models import Facet, FacetRow, FacetTotal, StaleEvent
from events.models import Event, Organization, Participation, Theme
from tests.factories import (
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    OrganizationFactory,
    ParticipationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date
T = datetime.datetime


def test_visible_from_is_the_latest_publish_time_and_none_for_any_draft():
    early, late = T(2020, 1, 1, tzinfo=datetime.UTC), T(2021, 6, 1, tzinfo=datetime.UTC)

    assert visible_from(("published", late), ("published", early)) == late
    assert visible_from(("published", early), ("draft", late)) is None


def test_an_event_counts_in_every_year_it_touches():
    assert list(years(D(2018, 12, 30), D(2020, 1, 2))) == [2018, 2019, 2020]
    assert list(years(D(2018, 5, 1), None)) == [2018]


def rows(event) -> dict:
    return {(row.facet, row.value): row.visible_from for row in rows_for([event.pk])}


def test_rows_name_every_facet_and_when_each_becomes_public():
    later = timezone.now() + datetime.timedelta(days=3)
    series = EventSeriesFactory()
    event = EventFactory(series=series, start_date=D(2018, 12, 31), end_date=D(2019, 1, 1))
    theme, draft_theme = ThemeFactory(), ThemeFactory(draft=True)
    event.themes.set([theme, draft_theme])
    initiative = InitiativeFactory(publish_at=later)
    initiative.events.add(event)
    company = OrganizationFactory(kind=Organization.Kind.PRIVATE_SECTOR)
    ParticipationFactory(event=event, organization=company)
    ParticipationFactory(event=event, organization=company, role=Participation.Role.CO_HOST)
    ParticipationFactory(
        event=event, organization=None, stakeholder_kind=Organization.Kind.ACADEMIA
    )
    shown = event.publish_at

    assert rows(event) == {
        (Facet.YEAR, "2018"): shown,
        (Facet.YEAR, "2019"): shown,
        (Facet.COUNTRY, "TH"): shown,
        (Facet.SERIES, str(series.pk)): max(shown, series.publish_at),
        (Facet.THEME, str(theme.pk)): max(shown, theme.publish_at),
        (Facet.THEME, str(draft_theme.pk)): None,
        (Facet.INITIATIVE, str(initiative.pk)): later,
        (Facet.ORGANIZATION, str(company.pk)): max(shown, company.publish_at),
        (Facet.STAKEHOLDER, "private_sector"): max(shown, company.publish_at),
        (Facet.STAKEHOLDER, "academia"): shown,
    }


def test_a_stakeholder_kind_counts_from_its_first_public_organisation():
    event = EventFactory()
    soon = timezone.now() + datetime.timedelta(hours=2)
    ParticipationFactory(event=event, organization=OrganizationFactory(publish_at=soon))
    ParticipationFactory(event=event, organization=OrganizationFactory(draft=True))
    assert rows(event)[Facet.STAKEHOLDER, "member_state"] == soon

    public = OrganizationFactory()
    ParticipationFactory(event=event, organization=public)
    assert rows(event)[Facet.STAKEHOLDER, "member_state"] == max(
        event.publish_at, public.publish_at
    )


def test_a_draft_event_has_rows_that_never_count():
    event = EventFactory(draft=True)

    assert set(rows(event).values()) == {None}


def totals() -> Counter:
    return Counter(
        {
            (facet, value): n
            for facet, value, n in FacetTotal.objects.values_list("facet", "value", "count")
            if n
        }
    )


def from_scratch() -> tuple[set, Counter]:
    """The rows and totals that building the whole index again would give."""
    fresh = rows_for(list(Event.objects.values_list("pk", flat=True)))
    return (
        {(r.event_id, r.facet, r.value, r.visible_from) for r in fresh},
        Counter((r.facet, r.value) for r in fresh if r.visible_from is not None),
    )


def stored_rows() -> set:
    return set(FacetRow.objects.values_list("event_id", "facet", "value", "visible_from"))


def test_refresh_after_every_kind_of_write_equals_a_rebuild_from_scratch():
    themes = ThemeFactory.create_batch(3)
    companies = OrganizationFactory.create_batch(3, kind=Organization.Kind.PRIVATE_SECTOR)
    events = [EventFactory(themes=themes[: n + 1]) for n in range(3)]
    for event, company in zip(events, companies, strict=True):
        ParticipationFactory(event=event, organization=company)
    refresh()
    assert (stored_rows(), totals()) == from_scratch()

    Event.objects.filter(pk=events[0].pk).update(publication_status="draft")
    Theme.objects.filter(pk=themes[0].pk).update(publication_status="draft")
    Organization.objects.filter(pk=companies[1].pk).update(kind=Organization.Kind.ACADEMIA)
    events[2].themes.remove(themes[2])
    Participation.objects.filter(organization=companies[2]).delete()
    events[1].delete()
    EventFactory(themes=[themes[1]], start_date=D(2016, 3, 1), end_date=None)

    assert refresh() == 4
    assert StaleEvent.objects.count() == 0
    assert (stored_rows(), totals()) == from_scratch()
    assert totals()[Facet.THEME, str(themes[1].pk)] == 2  # events 2 and the new one
    assert totals()[Facet.THEME, str(themes[0].pk)] == 0  # a draft theme counts nothing


def test_refresh_works_through_the_list_in_batches(monkeypatch):
    monkeypatch.setattr(index, "BATCH", 2)
    EventFactory.create_batch(5)

    assert refresh() == 5
    assert totals()[Facet.YEAR, "2018"] == 5
    assert refresh() == 0


def test_rebuild_all_rebuilds_every_event_and_changes_no_total():
    EventFactory.create_batch(3, themes=[ThemeFactory()])
    refresh()
    before = totals()

    assert rebuild_all() == 3
    assert totals() == before
