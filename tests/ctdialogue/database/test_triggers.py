"""One way to write a trigger for PostgreSQL and SQLite: created, listed, conditional,
and dropped, on a table of its own."""

import pytest
from django.db import connection

from ctdialogue.database import triggers

pytestmark = pytest.mark.django_db

# The same statement in both dialects.
LOG_NEW = "INSERT INTO trigger_test_log (value) VALUES (NEW.value);"
LOG_OLD = "INSERT INTO trigger_test_log (value) VALUES (OLD.value);"


@pytest.fixture
def tables():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE trigger_test_item (id integer PRIMARY KEY, value integer)")
        cursor.execute("CREATE TABLE trigger_test_log (value integer)")
    yield
    triggers.drop("trigger_test_")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE trigger_test_log")
        cursor.execute("DROP TABLE trigger_test_item")


def logged() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM trigger_test_log ORDER BY value")
        return [row[0] for row in cursor.fetchall()]


def test_a_conditional_row_trigger_runs_only_when_its_condition_holds(tables):
    with connection.cursor() as cursor:
        triggers.create(
            cursor,
            "trigger_test_changed",
            "trigger_test_item",
            "UPDATE",
            LOG_NEW,
            when="OLD.value IS DISTINCT FROM NEW.value",
        )
        cursor.execute("INSERT INTO trigger_test_item (id, value) VALUES (1, 10), (2, 20)")
        cursor.execute("UPDATE trigger_test_item SET value = 11 WHERE id = 1")
        cursor.execute("UPDATE trigger_test_item SET value = 20 WHERE id = 2")  # unchanged

    assert logged() == [11]


def test_created_triggers_are_listed_with_their_table_and_dropped_by_prefix(tables):
    with connection.cursor() as cursor:
        for operation in ("INSERT", "DELETE"):
            name = f"trigger_test_{operation.lower()}"
            body = LOG_OLD if operation == "DELETE" else LOG_NEW
            triggers.create(cursor, name, "trigger_test_item", operation, body)
        # Created again: replaced, not doubled.
        triggers.create(cursor, "trigger_test_insert", "trigger_test_item", "INSERT", LOG_NEW)

    assert triggers.existing("trigger_test_") == [
        ("trigger_test_delete", "trigger_test_item"),
        ("trigger_test_insert", "trigger_test_item"),
    ]
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO trigger_test_item (id, value) VALUES (1, 5)")
        cursor.execute("DELETE FROM trigger_test_item")
    assert logged() == [5, 5]

    triggers.drop("trigger_test_")

    assert triggers.existing("trigger_test_") == []
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO trigger_test_item (id, value) VALUES (2, 7)")
    assert logged() == [5, 5]
