"""Backup and restore of the whole site: the database and the media, with a manifest.

A backup is a folder of three files::

    manifest.json      when, which database, rows per table, every media file's SHA-256
    database.dump      pg_dump --format=custom (PostgreSQL), or database.sqlite3 (SQLite)
    media.tar          every file of the media storage, local or in the bucket

The database is dumped first, in one snapshot, and the media are copied after it:
uploads are never overwritten (each has a new random name) and old renditions are
deleted only after the change that replaced them, so every file the dumped database
names is in the archive. ``restore_backup()`` checks every checksum before it writes
anything, refuses a database or storage that is not empty unless told to replace
what is there, and checks rows and files again after the restore.
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

from . import archives, dumps

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media.tar"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


@dataclass(frozen=True)
class Summary:
    """What a backup holds or a restore wrote, and how long it took."""

    tables: int
    rows: int
    files: int
    media_bytes: int
    seconds: float

    def __str__(self):
        megabytes = self.media_bytes / 1_000_000
        return (
            f"{self.tables} tables, {self.rows} rows, {self.files} media files "
            f"({megabytes:.1f} MB) in {self.seconds:.1f} s"
        )


def summary_of(manifest: dict, started: float) -> Summary:
    tables = manifest["database"]["tables"]
    files = manifest["media"]["files"]
    return Summary(
        tables=len(tables),
        rows=sum(tables.values()),
        files=len(files),
        media_bytes=sum(entry["size"] for entry in files.values()),
        seconds=time.monotonic() - started,
    )


def sha256_of(path: Path) -> str:
    with path.open("rb") as file:
        return archives.file_checksum(file)


def _vendor(connection) -> str:
    if connection.vendor not in DATABASE_FILES:
        raise CommandError(f"Backups of {connection.vendor} databases are not supported.")
    return connection.vendor


def _dump(connection, target: Path) -> dict[str, int]:
    if _vendor(connection) == "postgresql":
        return dumps.dump_postgresql(connection.settings_dict, target)
    connection.ensure_connection()
    return dumps.dump_sqlite(connection.connection, target)


def _row_counts(connection) -> dict[str, int]:
    if _vendor(connection) == "postgresql":
        return dumps.postgresql_tables(connection.settings_dict)
    connection.ensure_connection()
    return dumps.sqlite_tables(connection.connection)


def make_backup(directory: Path, *, using: str = "default", storage=default_storage):
    """Back up the database ``using`` and every file of ``storage`` into ``directory``
    (new, or empty); the manifest and a Summary."""
    started = time.monotonic()
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise CommandError(f"{directory} is not empty: give a new folder for the backup.")
    directory.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    database_file = directory / DATABASE_FILES[_vendor(connection)]
    tables = _dump(connection, database_file)
    media = archives.write_archive(storage, directory / MEDIA)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": {
            "engine": connection.settings_dict["ENGINE"],
            "vendor": connection.vendor,
            "file": database_file.name,
            "sha256": sha256_of(database_file),
            "tables": tables,
        },
        "media": {
            "storage": f"{type(storage).__module__}.{type(storage).__name__}",
            "file": MEDIA,
            "sha256": sha256_of(directory / MEDIA),
            "files": media,
        },
    }
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (directory / MANIFEST).write_text(text, encoding="utf-8")
    return manifest, summary_of(manifest, started)


def read_backup(directory: Path) -> dict:
    """The manifest of the backup in ``directory``, once every file matches it."""
    directory = Path(directory)
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CommandError(f"{directory} holds no backup: {MANIFEST} is missing.") from error
    if manifest.get("format") != FORMAT:
        raise CommandError(f"This backup is in format {manifest.get('format')}, not {FORMAT}.")
    for part in ("database", "media"):
        path = directory / manifest[part]["file"]
        if not path.is_file() or sha256_of(path) != manifest[part]["sha256"]:
            raise CommandError(f"{path.name} is missing or damaged: its checksum differs.")
    archives.check_archive(directory / MEDIA, manifest["media"]["files"])
    return manifest


def _check_empty(connection, storage, force: bool) -> None:
    if force:
        return
    tables = connection.introspection.table_names()
    if tables:
        raise CommandError(
            f"The database already has {len(tables)} tables: restore into an empty "
            "database, or replace what is there with --force."
        )
    if archives.stored_names(storage):
        raise CommandError(
            "The media storage already holds files: restore into an empty one, or "
            "replace what is there with --force."
        )


def restore_backup(directory: Path, *, using="default", storage=default_storage, force=False):
    """Restore the backup in ``directory`` into the database ``using`` and ``storage``;
    the manifest and a Summary of what was restored."""
    started = time.monotonic()
    directory = Path(directory)
    manifest = read_backup(directory)
    connection = connections[using]
    if _vendor(connection) != manifest["database"]["vendor"]:
        raise CommandError(
            f"This is a backup of a {manifest['database']['vendor']} database; "
            f"the site uses {connection.vendor}."
        )
    _check_empty(connection, storage, force)
    database_file = directory / manifest["database"]["file"]
    if connection.vendor == "postgresql":
        connection.close()  # pg_restore works alone
        dumps.restore_postgresql(connection.settings_dict, database_file, clean=force)
    else:
        connection.ensure_connection()
        dumps.restore_sqlite(database_file, connection.connection)
    archives.restore_archive(directory / MEDIA, storage, replace=force)
    archives.check_stored(storage, manifest["media"]["files"])
    restored = _row_counts(connection)
    expected = manifest["database"]["tables"]
    if restored != expected:
        differing = sorted(
            t for t in set(restored) | set(expected) if restored.get(t) != expected.get(t)
        )
        raise CommandError(f"Row counts differ after the restore: {', '.join(differing)}.")
    return manifest, summary_of(manifest, started)
