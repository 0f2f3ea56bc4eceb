"""Database triggers that raise the content version on every write to content.

Every table of the content apps (``CONTENT_APPS``: their models, and the link tables
of their many-to-many fields) gets a trigger after INSERT, UPDATE and DELETE that
raises ``ContentVersion.number`` and moves ``changed_at`` on to the time of the write
(at least a millisecond past its last value, so it never stands still or goes back
when clocks or transactions overlap). On PostgreSQL it
runs once per statement (a bulk update of 10,000 rows raises it once), on SQLite
once per row. ``install()`` runs after every ``migrate``, so a model added later is
covered without anyone remembering to. The row is written with an upsert, so a flush
that emptied the version table cannot leave writes uncounted.
"""

from django.apps import apps
from django.db import connections

CONTENT_APPS = ("events", "resolutions", "publishing")
VERSION_TABLE = "caching_contentversion"
NAME = "caching_raise_version"

POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION caching_raise_version() RETURNS trigger AS $$
BEGIN
    INSERT INTO caching_contentversion AS version (id, number, changed_at)
    VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
    SET number = version.number + 1,
        changed_at = GREATEST(version.changed_at + interval '1 millisecond', clock_timestamp());
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
SQLITE_RAISE = """
INSERT INTO caching_contentversion (id, number, changed_at)
VALUES (1, 1, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT (id) DO UPDATE
SET number = number + 1,
    changed_at = MAX(
        strftime('%Y-%m-%d %H:%M:%f', changed_at, '+0.001 seconds'),
        strftime('%Y-%m-%d %H:%M:%f', 'now')
    );
"""
OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def content_tables() -> list[str]:
    """The tables whose rows a public page may show, one each, sorted."""
    tables = set()
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                tables.add(model._meta.db_table)
    return sorted(tables)


def _postgresql(cursor, tables):
    cursor.execute(POSTGRESQL_FUNCTION)
    for table in tables:
        cursor.execute(f'DROP TRIGGER IF EXISTS {NAME} ON "{table}"')
        cursor.execute(
            f'CREATE TRIGGER {NAME} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {NAME}()"
        )


def _sqlite(cursor, tables):
    for table in tables:
        for operation in OPERATIONS:
            trigger = f"{NAME}_{table}_{operation.lower()}"
            cursor.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
            cursor.execute(
                f'CREATE TRIGGER "{trigger}" AFTER {operation} ON "{table}" '
                f"BEGIN {SQLITE_RAISE} END"
            )


INSTALLERS = {"postgresql": _postgresql, "sqlite": _sqlite}


def install(using: str = "default") -> list[str]:
    """Create (or re-create) the triggers on every content table; the tables."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    tables = [table for table in content_tables() if table in existing]
    if VERSION_TABLE not in existing:
        return []
    with connection.cursor() as cursor:
        INSTALLERS[connection.vendor](cursor, tables)
    return tables


def install_after_migrate(sender, using="default", **kwargs):
    install(using)


def triggered_tables(using: str = "default") -> list[str]:
    """The tables that have the trigger now, read from the database's catalogue."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name = %s",
                [NAME],
            )
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE %s",
                [f"{NAME}_%"],
            )
        return sorted(row[0] for row in cursor.fetchall())
