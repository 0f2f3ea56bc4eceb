"""Facet counts from the index equal counting the content directly, over every public
event and over a filtered set, including records scheduled to appear later."""

import datetime
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.facets.counts import FacetCounts
from events.facets.models import Facet
from events.models import Event, Organization, Participation, Theme
from tests.factories import EventFactory, OrganizationFactory, ParticipationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def counted_directly(events) -> dict[str, Counter]:
    """The counts as the events list once read them: COUNT DISTINCT over the content."""
    pks = events.values("pk")
    themes = Theme.objects.public().annotate(
        n=Count("events", filter=Q(events__in=pks), distinct=True)
    )
    kinds = (
        Participation.objects.public()
        .filter(event__in=pks)
        .annotate(group=Coalesce("organization__kind", "stakeholder_kind"))
        .order_by()
        .values("group")
        .annotate(n=Count("event_id", distinct=True))
    )
    organizations = (
        Participation.objects.public()
        .filter(event__in=pks, organization__isnull=False)
        .order_by()
        .values("organization_id")
        .annotate(n=Count("event_id", distinct=True))
    )
    countries = events.exclude(country="").order_by().values("country").annotate(n=Count("pk"))
    return {
        Facet.THEME: Counter({str(t.pk): t.n for t in themes if t.n}),
        Facet.STAKEHOLDER: Counter({r["group"]: r["n"] for r in kinds if r["group"]}),
        Facet.ORGANIZATION: Counter({str(r["organization_id"]): r["n"] for r in organizations}),
        Facet.COUNTRY: Counter({r["country"]: r["n"] for r in countries}),
    }


@pytest.fixture
def generated():
    call_command("generate_content", "--events", "60", verbosity=0)
    # Some of it not public now: a draft organisation, a scheduled theme and event.
    later = timezone.now() + datetime.timedelta(days=2)
    busiest = Organization.objects.annotate(n=Count("participations")).order_by("-n").first()
    Organization.objects.filter(pk=busiest.pk).update(publication_status="draft")
    Theme.objects.filter(pk=Theme.objects.order_by("pk").first().pk).update(publish_at=later)
    Event.objects.filter(pk=Event.objects.published().order_by("pk").first().pk).update(
        publish_at=later
    )
    return later


def test_counts_over_every_public_event_equal_counting_directly(generated):
    counts = FacetCounts()
    expected = counted_directly(Event.objects.published())

    every = list(Event.objects.values_list("pk", flat=True))
    over_every = counts.over(list(expected), every)
    for facet, direct in expected.items():
        assert counts.over_all(facet) == direct, facet
        assert over_every[facet] == direct, facet
    assert sum(expected[Facet.THEME].values()) > 0


def test_counts_over_a_filtered_set_equal_counting_directly(generated):
    some = Event.objects.published().filter(start_date__year__gte=2018)
    counts = FacetCounts()

    expected = counted_directly(some)

    found = counts.over(list(expected), list(some.values_list("pk", flat=True)))
    assert found == expected


def test_counts_over_events_with_a_chosen_value_match_on_the_index(generated):
    theme = Theme.objects.public().filter(events__isnull=False).order_by("pk")[0]
    counts = FacetCounts()

    found = counts.over([Facet.COUNTRY], chosen=[(Facet.THEME, [theme.pk])])

    some = Event.objects.published().filter(themes=theme)
    assert found[Facet.COUNTRY] == counted_directly(some)[Facet.COUNTRY]


def test_what_is_scheduled_counts_from_its_time_with_no_write_in_between(generated):
    later = generated + datetime.timedelta(seconds=1)
    scheduled_theme = str(Theme.objects.order_by("pk").first().pk)

    now, then = FacetCounts(), FacetCounts(at=later)

    assert now.over_all(Facet.THEME)[scheduled_theme] == 0
    assert then.over_all(Facet.THEME)[scheduled_theme] > 0
    assert sum(then.over_all(Facet.YEAR).values()) == sum(now.over_all(Facet.YEAR).values()) + (
        len(
            list(
                range(
                    (event := Event.objects.filter(publish_at=generated).get()).start_date.year,
                    (event.end_date or event.start_date).year + 1,
                )
            )
        )
    )


def test_a_count_follows_a_write_on_the_next_read():
    theme = ThemeFactory()
    event = EventFactory(themes=[theme])
    ParticipationFactory(event=event, organization=OrganizationFactory(kind="academia"))
    assert FacetCounts().over_all(Facet.THEME)[str(theme.pk)] == 1
    assert FacetCounts().over_all(Facet.STAKEHOLDER)["academia"] == 1

    Event.objects.filter(pk=event.pk).update(publication_status="draft")

    assert FacetCounts().over_all(Facet.THEME)[str(theme.pk)] == 0
    assert FacetCounts().over_all(Facet.STAKEHOLDER)["academia"] == 0
