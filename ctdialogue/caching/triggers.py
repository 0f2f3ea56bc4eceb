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

from ctdialogue.database import triggers

CONTENT_APPS = ("events", "resolutions", "publishing")
VERSION_TABLE = "caching_contentversion"
NAME = "caching_raise_version"

RAISE = {
    "postgresql": """
    INSERT INTO caching_contentversion AS version (id, number, changed_at)
    VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
    SET number = version.number + 1,
        changed_at = GREATEST(version.changed_at + interval '1 millisecond', clock_timestamp());
""",
    "sqlite": """
INSERT INTO caching_contentversion (id, number, changed_at)
VALUES (1, 1, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT (id) DO UPDATE
SET number = number + 1,
    changed_at = MAX(
        strftime('%Y-%m-%d %H:%M:%f', changed_at, '+0.001 seconds'),
        strftime('%Y-%m-%d %H:%M:%f', 'now')
    );
""",
}
OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def content_tables() -> list[str]:
    """The tables whose rows a public page may show, one each, sorted."""
    tables = set()
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                tables.add(model._meta.db_table)
    return sorted(tables)


def install(using: str = "default") -> list[str]:
    """Create (or re-create) the triggers on every content table; the tables."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    tables = [table for table in content_tables() if table in existing]
    if VERSION_TABLE not in existing:
        return []
    body = RAISE[connection.vendor]
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":  # once per statement, truncation too
                operation = " OR ".join((*OPERATIONS, "TRUNCATE"))
                triggers.create(cursor, NAME, table, operation, body, each="STATEMENT")
                continue
            for operation in OPERATIONS:  # SQLite: once per row; names are database-wide
                name = f"{NAME}_{table}_{operation.lower()}"
                triggers.create(cursor, name, table, operation, body)
    return tables


def install_after_migrate(sender, using="default", **kwargs):
    install(using)


def triggered_tables(using: str = "default") -> list[str]:
    """The tables that have the trigger now, read from the database's catalogue."""
    return sorted({table for _name, table in triggers.existing(NAME, using)})
