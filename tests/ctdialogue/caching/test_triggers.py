"""Every content table raises the content version on every kind of write, by database
trigger, so no write can leave a cached page behind."""

import pytest
from django.apps import apps
from django.db import connection

from ctdialogue.caching.models import ContentVersion
from ctdialogue.caching.triggers import CONTENT_APPS, content_tables, install, triggered_tables
from ctdialogue.caching.version import current
from events.models import Event
from tests.factories import EventFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_every_table_of_the_content_apps_has_the_trigger():
    tables = content_tables()
    link_tables = [
        field.remote_field.through._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        for field in model._meta.local_many_to_many
    ]

    assert triggered_tables() == tables
    assert "events_event" in tables
    assert "resolutions_resolution" in tables
    assert set(link_tables) <= set(tables)


def test_installing_again_changes_nothing():
    assert install() == content_tables()
    assert triggered_tables() == content_tables()


def test_insert_update_delete_and_link_changes_each_raise_the_version():
    seen = [current()]
    event = EventFactory()
    seen.append(current())
    Event.objects.filter(pk=event.pk).update(title="Changed")
    seen.append(current())
    event.themes.add(ThemeFactory())
    seen.append(current())
    event.themes.clear()
    seen.append(current())
    event.delete()
    seen.append(current())

    numbers = [version.number for version in seen]
    times = [version.changed_at for version in seen]
    assert numbers == sorted(set(numbers))  # each step raised it
    assert times == sorted(set(times))  # and moved its time on


def test_raw_sql_raises_the_version_too():
    ThemeFactory(name="Prevention")
    before = current()

    with connection.cursor() as cursor:
        cursor.execute("UPDATE events_theme SET name = %s", ["Renamed"])

    assert current().number > before.number


def test_reading_changes_nothing():
    EventFactory()
    before = current()

    list(Event.objects.all())

    assert current() == before


def test_a_bulk_statement_raises_it_once_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite triggers run once per row")
    EventFactory.create_batch(3)
    before = current()

    Event.objects.update(summary="All at once")

    assert current().number == before.number + 1


def test_a_write_after_the_version_row_was_emptied_writes_it_again():
    ContentVersion.objects.all().delete()  # as a flush of every table would
    assert current().number == 0

    EventFactory()

    assert ContentVersion.objects.get(pk=1).number >= 1
    assert current().number >= 1
