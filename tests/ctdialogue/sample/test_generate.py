"""The content generator: varied, valid, repeatable, and safe to run twice."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from ctdialogue.sample.generate import Slugs, UniqueValues, generate_content
from events.dates import DatePrecision
from events.models import (
    Contribution,
    Event,
    EventSeries,
    Initiative,
    InitiativePartner,
    Organization,
    Participation,
    Person,
    Theme,
)
from resolutions.models import Resolution

TODAY = datetime.date(2025, 6, 1)


def generate(events: int, *args: str) -> str:
    out = StringIO()
    call_command("generate_content", "--events", str(events), *args, verbosity=0, stdout=out)
    return out.getvalue()


def test_generate_creates_the_requested_events_with_themes_and_participations(db):
    output = generate(30)

    events = Event.objects.all()
    assert events.count() == 30
    assert all(event.themes.exists() for event in events)
    assert all(event.participations.exists() for event in events)
    assert "Generated 30 events (seed 2018)" in output
    assert "events: 30 created" in output


def test_generate_mixes_every_date_precision(db):
    generate(30)

    precisions = set(Event.objects.values_list("date_precision", flat=True))

    assert precisions == set(DatePrecision.values)


def test_generate_covers_kinds_statuses_and_years(db):
    generate(300)

    statuses = set(Event.objects.values_list("status", flat=True))
    kinds = set(Organization.objects.values_list("kind", flat=True))
    years = {event.start_date.year for event in Event.objects.all()}

    assert statuses == set(Event.Status.values)
    assert kinds == set(Organization.Kind.values)
    assert set(Event.Kind.values) == set(Event.objects.values_list("kind", flat=True))
    assert min(years) >= 2005
    assert max(years) <= 2030
    assert len(years) > 15
    assert Event.objects.exclude(country="").values("country").distinct().count() > 10


def test_generate_numbers_editions_in_each_series_from_one(db):
    generate(200)

    for series in EventSeries.objects.all():
        events = list(series.events.order_by("edition"))
        assert [event.edition for event in events] == list(range(1, len(events) + 1))
        assert [event.start_date for event in events] == sorted(e.start_date for e in events)
        assert all(event.title.startswith(event.edition_display) for event in events)
    assert Event.objects.filter(series__isnull=False).exists()
    assert Event.objects.filter(series__isnull=True, edition__isnull=True).exists()


def test_generate_twice_adds_without_clashing(db):
    generate(30)

    generate(30)
    generate(30, "--seed", "7")

    assert Event.objects.count() == 90
    slugs = Event.objects.values_list("slug", flat=True)
    assert len(set(slugs)) == 90
    assert Theme.objects.count() == 12


def test_unique_values_number_the_repeats():
    names = UniqueValues(["Forum", "Forum 2"], separator=" ")

    claimed = [names.claim("Forum"), names.claim("Forum"), names.claim("Dialogue")]

    assert claimed == ["Forum 3", "Forum 4", "Dialogue"]


def test_slugs_continue_after_those_in_the_database(db):
    generate(3)
    taken = set(Event.objects.values_list("slug", flat=True))
    slugs = Slugs(Event)
    first = Event.objects.order_by("pk").first()

    again = slugs.claim(f"{first.title} {first.city} {first.start_date.year}")

    assert again not in taken
    assert again.startswith(first.slug)


def test_generate_leaves_a_share_in_draft(db):
    generate(40)

    drafts = Event.objects.drafts()
    published = Event.objects.published()

    assert drafts.exists()
    assert drafts.count() < Event.objects.count() / 10
    assert not published.filter(pk__in=drafts).exists()
    assert published.count() == Event.objects.count() - drafts.count()


def test_generated_rows_pass_validation(db):
    generate(30)

    for model in (
        Theme,
        Organization,
        Person,
        EventSeries,
        Event,
        Participation,
        Contribution,
        Initiative,
        InitiativePartner,
    ):
        rows = list(model.objects.all())
        assert rows, model
        for row in rows:
            stored = (row.start_date, row.end_date) if model is Event else None
            row.full_clean()
            if model is Event:
                # Fuzzy dates are already stored as their whole period.
                assert (row.start_date, row.end_date) == stored


def test_generated_participations_name_an_organisation_or_a_group(db):
    generate(60)

    groups = Participation.objects.filter(organization__isnull=True)

    assert groups.exists()
    assert not groups.filter(stakeholder_kind="").exists()
    assert Participation.objects.filter(role=Participation.Role.CO_HOST).exists()


def test_generated_quotations_declare_their_language(db):
    generate(300)

    quoted = Contribution.objects.exclude(quotation="")
    languages = Counter(quoted.values_list("quotation_language", flat=True))

    assert quoted.exists()
    assert languages["en"] > 0
    assert len(languages) > 1
    assert not Contribution.objects.filter(quotation="").exclude(quotation_language="en").exists()


def test_generate_after_demo_reuses_shared_rows(db):
    call_command("load_demo", stdout=StringIO())

    generate(60)

    assert Theme.objects.count() == 12
    assert Organization.objects.filter(acronym="CTED").count() == 1
    assert EventSeries.objects.get(slug="asia-ict-ct-dialogue").events.count() == 3
    linked = Event.objects.filter(resolutions__isnull=False).distinct()
    assert linked.exists()
    for event in linked:
        assert all(r.year <= event.start_date.year for r in event.resolutions.all())
    for event in Event.objects.filter(initiatives__launched__isnull=False).distinct():
        assert all(
            i.launched <= event.start_date.year
            for i in event.initiatives.all()
            if i.launched is not None
        )
    assert Resolution.objects.count() == 12


def test_generate_with_the_same_seed_gives_the_same_content(db):
    def titles_and_dates():
        with transaction.atomic():
            generate_content(events=25, seed=42, today=TODAY)
            rows = list(Event.objects.order_by("pk").values_list("title", "start_date", "status"))
            transaction.set_rollback(True)
        return rows

    assert titles_and_dates() == titles_and_dates()


def test_generate_reports_progress_per_batch(db):
    steps = []

    generate_content(events=25, batch_size=10, progress=steps.append, today=TODAY)

    assert steps == [10, 10, 5]


def test_generate_command_shows_a_progress_bar(db):
    err = StringIO()

    call_command("generate_content", "--events", "5", stdout=StringIO(), stderr=err)

    assert "Generating: 100%" in err.getvalue()
    assert "5/5" in err.getvalue()


def test_generate_rejects_a_number_of_events_below_one(db):
    with pytest.raises(CommandError):
        generate(0)
    with pytest.raises(ValueError, match="negative"):
        generate_content(events=-1)
