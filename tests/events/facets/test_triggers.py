"""Every write that changes what an event counts under marks the event stale, on every
path that writes (ORM, bulk update, raw SQL), and writes that change nothing a facet is
made of mark nothing."""

import pytest
from django.db import connection

from events.facets.models import StaleEvent
from events.facets.triggers import PREFIX, install, installed, marks, uninstall
from events.models import Event, EventSeries, Organization, Participation, Theme
from tests.factories import (
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    OrganizationFactory,
    ParticipationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def stale() -> set[int]:
    return set(StaleEvent.objects.values_list("event_id", flat=True))


@pytest.fixture
def event():
    event = EventFactory()
    StaleEvent.objects.all().delete()
    return event


def test_every_mark_is_installed_and_installing_again_changes_nothing():
    expected = sorted(f"{PREFIX}_{mark.name}" for mark in marks())

    assert installed() == expected
    assert sorted(install()) == expected
    assert installed() == expected
    assert "facets_mark_events_participation_update" in expected


def test_uninstall_drops_every_trigger_and_writes_still_work():
    uninstall()
    try:
        assert installed() == []
        EventFactory()
        assert stale() == set()
    finally:
        install()
    assert len(installed()) == len(marks())


def test_a_new_event_and_a_deleted_one_are_marked():
    created = EventFactory()
    assert stale() == {created.pk}

    StaleEvent.objects.all().delete()
    pk = created.pk
    created.delete()
    assert stale() == {pk}


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("publication_status", "draft"),
        ("start_date", "2018-01-25"),
        ("end_date", "2019-03-02"),
        ("country", "KE"),
    ],
)
def test_changing_what_an_event_counts_under_marks_it(event, column, value):
    Event.objects.filter(pk=event.pk).update(**{column: value})

    assert stale() == {event.pk}


def test_changing_its_title_or_summary_marks_nothing(event):
    Event.objects.filter(pk=event.pk).update(title="Renamed", summary="Other words.")

    assert stale() == set()


def test_raw_sql_marks_too(event):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE events_event SET country = %s", ["JP"])

    assert stale() == {event.pk}


def test_theme_and_initiative_links_mark_the_event(event):
    theme = ThemeFactory()
    event.themes.add(theme)
    assert stale() == {event.pk}

    StaleEvent.objects.all().delete()
    event.themes.remove(theme)
    assert stale() == {event.pk}

    StaleEvent.objects.all().delete()
    InitiativeFactory().events.add(event)
    assert stale() == {event.pk}


def test_participations_mark_their_event_and_the_one_they_move_from(event):
    participation = ParticipationFactory(event=event)
    assert stale() == {event.pk}

    other = EventFactory()
    StaleEvent.objects.all().delete()
    Participation.objects.filter(pk=participation.pk).update(event=other)
    assert stale() == {event.pk, other.pk}

    StaleEvent.objects.all().delete()
    Participation.objects.filter(pk=participation.pk).update(role=Participation.Role.PARTNER)
    assert stale() == set()  # the role is not a facet


def test_publishing_a_linked_record_marks_every_event_that_names_it(event):
    theme = ThemeFactory(draft=True)
    series = EventSeriesFactory(draft=True)
    organization = OrganizationFactory(draft=True)
    event.themes.add(theme)
    Event.objects.filter(pk=event.pk).update(series=series)
    ParticipationFactory(event=event, organization=organization)
    unrelated = EventFactory()
    for model, record in ((Theme, theme), (EventSeries, series), (Organization, organization)):
        StaleEvent.objects.all().delete()
        model.objects.filter(pk=record.pk).update(publication_status="published")
        assert stale() == {event.pk}, model
    assert unrelated.pk not in stale()


def test_an_organisations_kind_marks_its_events_and_its_name_does_not(event):
    organization = OrganizationFactory()
    ParticipationFactory(event=event, organization=organization)

    StaleEvent.objects.all().delete()
    Organization.objects.filter(pk=organization.pk).update(name="Renamed")
    assert stale() == set()

    Organization.objects.filter(pk=organization.pk).update(kind=Organization.Kind.CIVIL_SOCIETY)
    assert stale() == {event.pk}
