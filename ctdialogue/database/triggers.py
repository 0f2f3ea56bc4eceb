"""Database triggers on PostgreSQL and SQLite, written one way for both.

The page cache (``ctdialogue.caching``) and the facet index (``events.facets``) keep
derived data exact with triggers that run in the writer's transaction. Each describes
its triggers (a name, a table, the operations, a body of SQL statements in the
database's own dialect, and an optional condition in PostgreSQL's spelling); this
module creates, lists and drops them.
"""

from django.db import connections


def _sqlite_condition(when: str) -> str:
    # SQLite spells "is distinct from" as IS NOT.
    return when.replace("IS DISTINCT FROM", "IS NOT")


def create(cursor, name: str, table: str, operation: str, body: str, **options):
    """Create (or re-create) trigger ``name`` after ``operation`` ("INSERT", "UPDATE OR
    DELETE", ...) on ``table`` that runs ``body``. ``options``: ``when`` (a condition on
    OLD and NEW) and ``each`` ("ROW" or, on PostgreSQL only, "STATEMENT"); on
    PostgreSQL the body becomes a function of the same name."""
    when, each = options.get("when", ""), options.get("each", "ROW")
    if cursor.db.vendor == "postgresql":
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$\n"
            f"BEGIN\n{body}\nRETURN NULL;\nEND\n$$ LANGUAGE plpgsql"
        )
        cursor.execute(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
        condition = f"WHEN ({when}) " if when else ""
        cursor.execute(
            f'CREATE TRIGGER {name} AFTER {operation} ON "{table}" '
            f"FOR EACH {each} {condition}EXECUTE FUNCTION {name}()"
        )
        return
    cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    condition = f"WHEN {_sqlite_condition(when)} " if when else ""
    cursor.execute(
        f'CREATE TRIGGER "{name}" AFTER {operation} ON "{table}" '
        f"FOR EACH ROW {condition}BEGIN\n{body}\nEND"
    )


def existing(prefix: str, using: str = "default") -> list[tuple[str, str]]:
    """(trigger name, table) of every trigger whose name starts with ``prefix``, read
    from the database's catalogue, sorted."""
    connection = connections[using]
    query = {
        "postgresql": "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
        "WHERE NOT tgisinternal AND tgname LIKE %s",
        "sqlite": "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' "
        "AND name LIKE %s",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(query, [prefix + "%"])
        return sorted(cursor.fetchall())


def drop(prefix: str, using: str = "default"):
    """Drop every trigger whose name starts with ``prefix`` (and on PostgreSQL its
    function)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        for name, table in existing(prefix, using):
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
            else:
                cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
