"""Moving SlugHistory from the events app to publishing keeps existing databases working:
its rows, its content type, and the versions saved before the move."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from reversion.models import Revision, Version

from ctdialogue.publishing.models import SlugHistory
from events.models import Event as CurrentEvent

BEFORE_THE_MOVE = [
    ("events", "0005_person_search_without_bio"),
    ("publishing", "0001_editor_and_publisher_roles"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before_the_move(transactional_db):
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    yield migrate(BEFORE_THE_MOVE)
    migrate(leaves)  # the rest of the suite runs on the latest schema


def test_former_addresses_and_old_versions_survive_the_move(before_the_move):
    apps = before_the_move
    Event = apps.get_model("events", "Event")
    OldSlugHistory = apps.get_model("events", "SlugHistory")
    event_type, _ = ContentType.objects.get_or_create(app_label="events", model="event")
    ContentType.objects.get_or_create(app_label="events", model="slughistory")
    event = Event.objects.create(
        title="Bangkok workshop",
        slug="bangkok-workshop",
        start_date=datetime.date(2018, 1, 24),
        end_date=datetime.date(2018, 1, 25),
        publication_status="published",
    )
    OldSlugHistory.objects.create(
        content_type_id=event_type.pk, object_id=event.pk, slug="old-bangkok-address"
    )
    revision = Revision.objects.create(
        date_created=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), comment="Saved."
    )
    Version.objects.create(
        revision=revision,
        object_id=str(event.pk),
        content_type=event_type,
        db="default",
        format="json",
        serialized_data=serializers.serialize("json", [event]),
        object_repr="Bangkok workshop",
    )
    Event.objects.filter(pk=event.pk).update(title="Changed after the version was saved")

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    moved = SlugHistory.objects.get()
    assert (moved.slug, moved.object_id, moved.content_type.model) == (
        "old-bangkok-address",
        event.pk,
        "event",
    )
    assert SlugHistory._meta.db_table == "publishing_slughistory"
    ContentType.objects.clear_cache()
    assert ContentType.objects.get(model="slughistory").app_label == "publishing"

    Version.objects.get(object_id=str(event.pk)).revert()

    assert CurrentEvent.objects.get(pk=event.pk).title == "Bangkok workshop"
