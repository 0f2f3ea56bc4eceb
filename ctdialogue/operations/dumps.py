"""The database in a backup: written and read back as one consistent snapshot.

PostgreSQL: ``pg_dump --format=custom`` run inside a snapshot this module exports,
so that the row counts written in the manifest are those of the dump itself; restored
with ``pg_restore`` in one transaction (all or nothing), which recreates sequences,
constraints, indexes, functions and triggers as they were. SQLite: the SQLite backup
API, a page-by-page copy that is consistent while the site keeps writing.

The client programs must be of the server's major version or newer: the one in
``/usr/lib/postgresql/<server version>/bin`` is preferred to the one on PATH.
"""

import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import CommandError

#: libpq's names of connection options -> the variables its programs read them from.
LIBPQ_ENVIRONMENT = {
    "dbname": "PGDATABASE",
    "host": "PGHOST",
    "port": "PGPORT",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}

TABLES_SQL = (
    "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
    "WHERE schemaname = ANY (current_schemas(false)) ORDER BY 1"
)
SQLITE_TABLES_SQL = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
)


def libpq_parameters(settings_dict: dict) -> dict[str, str]:
    """The connection options of a Django database entry, in libpq's words."""
    options = settings_dict.get("OPTIONS") or {}
    parameters = {
        "dbname": settings_dict.get("NAME"),
        "host": settings_dict.get("HOST"),
        "port": settings_dict.get("PORT"),
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
        **{key: options.get(key) for key in LIBPQ_ENVIRONMENT if key in options},
    }
    return {key: str(value) for key, value in parameters.items() if value}


def client_program(name: str, server_version: int) -> str:
    """``pg_dump`` or ``pg_restore`` for a server of ``server_version`` (150020 -> 15)."""
    matching = Path(f"/usr/lib/postgresql/{server_version // 10000}/bin/{name}")
    found = str(matching) if matching.exists() else shutil.which(name)
    if not found:
        raise CommandError(f"{name} is not installed: install the PostgreSQL client programs.")
    return found


def _run(command: list[str], settings_dict: dict) -> None:
    # Connection options travel in the child's environment, never on its command line
    # (where every user of the machine could read the password).
    environment = {
        LIBPQ_ENVIRONMENT[key]: value for key, value in libpq_parameters(settings_dict).items()
    }
    result = subprocess.run(  # noqa: S603 - our own command line
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise CommandError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


@contextmanager
def postgresql_connection(settings_dict: dict):
    import psycopg

    with psycopg.connect(**libpq_parameters(settings_dict)) as connection:
        yield connection


def _count_rows(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - quoted by the server
        counts[table] = cursor.fetchone()[0]
    return counts


def postgresql_tables(settings_dict: dict) -> dict[str, int]:
    """{table: row count} of the database as it is now."""
    with postgresql_connection(settings_dict) as connection, connection.cursor() as cursor:
        cursor.execute(TABLES_SQL)
        return _count_rows(cursor, [row[0] for row in cursor.fetchall()])


def dump_postgresql(settings_dict: dict, target: Path) -> dict[str, int]:
    """Write the database to ``target``; {table: row count} in the same snapshot."""
    with postgresql_connection(settings_dict) as connection, connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        program = client_program("pg_dump", connection.info.server_version)
        _run(
            [program, "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            settings_dict,
        )
        cursor.execute(TABLES_SQL)
        return _count_rows(cursor, [row[0] for row in cursor.fetchall()])


def restore_postgresql(settings_dict: dict, source: Path, *, clean: bool) -> None:
    with postgresql_connection(settings_dict) as connection:
        program = client_program("pg_restore", connection.info.server_version)
    options = ["--clean", "--if-exists"] if clean else []
    command = [program, "--no-owner", "--no-privileges", "--single-transaction"]
    _run(
        [*command, "--exit-on-error", *options, f"--dbname={settings_dict['NAME']}", str(source)],
        settings_dict,
    )


def sqlite_tables(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [row[0] for row in connection.execute(SQLITE_TABLES_SQL)]
    return {
        table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        for table in tables
    }


def dump_sqlite(raw_connection: sqlite3.Connection, target: Path) -> dict[str, int]:
    copy = sqlite3.connect(target)
    try:
        raw_connection.backup(copy)
        return sqlite_tables(copy)
    finally:
        copy.close()


def restore_sqlite(source: Path, raw_connection: sqlite3.Connection) -> None:
    backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        backup.backup(raw_connection)
    finally:
        backup.close()
