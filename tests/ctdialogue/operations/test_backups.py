"""Backup and restore: the demo content and a photo with its renditions, backed up with
`manage.py backup`, restored with `manage.py restore` into an empty database and an
empty media folder, and compared table by table and file by file."""

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from ctdialogue.operations import dumps
from ctdialogue.operations.archives import stored_names
from ctdialogue.operations.backups import MANIFEST, MEDIA, restore_backup
from ctdialogue.safety.renditions import generate_renditions
from ctdialogue.sample.demo import load_demo
from events.models import Attachment, Event, Photo
from tests.factories import AttachmentFactory, PhotoFactory

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="backups of PostgreSQL need DATABASE_URL=postgres://... (CI's PostgreSQL phase)",
)
needs_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite backup API is tested on SQLite runs"
)


def site_with_media():
    """The demo content, and a photo with three renditions and a PDF on its first event."""
    load_demo()
    event = Event.objects.order_by("start_date").first()
    photo = PhotoFactory(event=event, image__width=2000, image__height=1000, image__format="JPEG")
    generate_renditions(photo, image_field="image", renditions_field="renditions")
    AttachmentFactory(event=event)
    return photo


def checksums(storage) -> dict[str, str]:
    found = {}
    for name in stored_names(storage):
        with storage.open(name, "rb") as file:
            found[name] = hashlib.sha256(file.read()).hexdigest()
    return found


# --- PostgreSQL: into a new, empty database ---------------------------------------------


TABLE_CONTENTS_SQL = (
    "SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM {table} t"
)


def table_contents(settings_dict) -> dict[str, tuple[int, str]]:
    """{table: (rows, MD5 of every row's text)} of every table of a database."""
    with dumps.postgresql_connection(settings_dict) as db, db.cursor() as cursor:
        cursor.execute(dumps.TABLES_SQL)
        tables = [row[0] for row in cursor.fetchall()]
        contents = {}
        for table in tables:
            cursor.execute(TABLE_CONTENTS_SQL.format(table=table))
            contents[table] = tuple(cursor.fetchone())
    return contents


@pytest.fixture
def empty_database():
    """A new database beside the test database, dropped afterwards:
    ctstorage_restore when the tests run on ctstorage."""
    source = connection.settings_dict
    name = f"{source['NAME'].removeprefix('test_')}_restore"
    server = {**source, "NAME": "postgres", "USER": "postgres"}
    with dumps.postgresql_connection(server) as admin:
        admin.autocommit = True
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**source, "NAME": name}
    finally:
        with dumps.postgresql_connection(server) as admin:
            admin.autocommit = True
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*arguments, database, media_root):
    """`manage.py` in a new process that knows only the empty system."""
    account = database["USER"] + (f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else "")
    address = f"postgres://{account}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    environment = {
        **os.environ,
        "DATABASE_URL": address,
        "DJANGO_MEDIA_ROOT": str(media_root),
        "DJANGO_STORAGE_URL": "",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def postgresql_backup(transactional_db, tmp_path):
    """The site with media, backed up by `manage.py backup`: (folder, photo, seconds)."""
    photo = site_with_media()
    started = time.monotonic()
    call_command("backup", output=tmp_path / "backup", verbosity=0)
    return tmp_path / "backup", photo, time.monotonic() - started


@needs_postgresql
def test_postgresql_round_trip_restores_every_row_and_file(
    postgresql_backup, tmp_path, empty_database, capsys
):
    backup, photo, backed_up = postgresql_backup
    restored_media = tmp_path / "restored-media"

    started = time.monotonic()
    result = manage("restore", str(backup), database=empty_database, media_root=restored_media)
    restored_in = time.monotonic() - started

    assert result.returncode == 0, result.stderr
    assert "every row count and checksum matches" in result.stdout
    source = table_contents(connection.settings_dict)
    assert table_contents(empty_database) == source
    assert source["public.events_photo"][0] == 1
    rows = sum(count for count, _ in source.values())
    assert rows > 600  # the demo is in it
    files = checksums(FileSystemStorage(location=restored_media))
    assert files == checksums(default_storage)
    assert set(files) == {
        photo.image.name,
        *photo.renditions.values(),
        Attachment.objects.get().file.name,
    }
    with capsys.disabled():
        print(
            f"\nbackup round trip: {len(source)} tables, {rows} rows, {len(files)} files; "
            f"backup {backed_up:.2f} s, restore {restored_in:.2f} s (in a new process)"
        )


@needs_postgresql
def test_postgresql_restore_refuses_a_system_that_is_not_empty(
    postgresql_backup, tmp_path, empty_database
):
    backup, _, _ = postgresql_backup
    media = tmp_path / "restored-media"
    media.mkdir()
    (media / "left-over.txt").write_text("not from the backup")

    refused = manage("restore", str(backup), database=empty_database, media_root=media)

    assert refused.returncode == 1
    assert "The media storage already holds files" in refused.stderr
    assert table_contents(empty_database) == {}  # refused before a row was written
    (media / "left-over.txt").unlink()
    assert manage("restore", str(backup), database=empty_database, media_root=media).returncode == 0
    again = manage("restore", str(backup), database=empty_database, media_root=media)
    assert again.returncode == 1
    assert "The database already has" in again.stderr
    assert "--force" in again.stderr


# --- SQLite and what every backup checks ------------------------------------------------


@needs_sqlite
def test_sqlite_backup_and_restore_over_a_changed_site(transactional_db, tmp_path):
    photo = site_with_media()
    before = checksums(default_storage)
    backup = tmp_path / "backup"
    call_command("backup", output=backup, verbosity=0)
    Photo.objects.all().delete()
    Event.objects.filter(pk=photo.event_id).update(title="Changed after the backup")
    default_storage.delete(photo.renditions["480"])

    with pytest.raises(CommandError, match="The database already has"):
        call_command("restore", backup, verbosity=0)
    call_command("restore", backup, force=True, verbosity=0)

    assert Photo.objects.get().renditions == photo.renditions
    assert Event.objects.get(pk=photo.event_id).title == photo.event.title
    assert checksums(default_storage) == before


@needs_sqlite
def test_manifest_lists_rows_and_files_with_their_checksums(transactional_db, tmp_path):
    photo = site_with_media()
    call_command("backup", output=tmp_path / "backup", verbosity=0)

    manifest = json.loads((tmp_path / "backup" / MANIFEST).read_text())

    assert manifest["database"]["vendor"] == "sqlite"
    assert manifest["database"]["tables"]["events_photo"] == 1
    assert manifest["database"]["tables"]["events_event"] == Event.objects.count()
    assert {name: entry["sha256"] for name, entry in manifest["media"]["files"].items()} == (
        checksums(default_storage)
    )
    assert photo.renditions["960"] in manifest["media"]["files"]


def test_backup_refuses_a_folder_that_is_not_empty(db, tmp_path):
    (tmp_path / "old.txt").write_text("something else")

    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", output=tmp_path, verbosity=0)


def test_damaged_media_archive_is_refused_before_anything_is_written(
    transactional_db, tmp_path, settings
):
    site_with_media()
    backup = tmp_path / "backup"
    call_command("backup", output=backup, verbosity=0)
    archive = backup / MEDIA
    data = bytearray(archive.read_bytes())
    data[len(data) // 3] ^= 0xFF
    archive.write_bytes(bytes(data))
    settings.MEDIA_ROOT = tmp_path / "other-media"
    rows = Event.objects.count()

    with pytest.raises(CommandError, match=r"media\.tar is missing or damaged"):
        restore_backup(backup, force=True)

    assert Event.objects.count() == rows
    assert not Path(settings.MEDIA_ROOT).exists()


def test_media_in_the_bucket_are_backed_up_by_listing_it(
    object_storage, transactional_db, tmp_path
):
    site_with_media()  # written to the bucket
    in_bucket = checksums(default_storage)
    call_command("backup", output=tmp_path / "backup", verbosity=0)
    disk = FileSystemStorage(location=tmp_path / "disk")

    restore_backup(tmp_path / "backup", storage=disk, force=True)

    assert len(in_bucket) == 5  # the photo, its three renditions and the PDF
    assert checksums(disk) == in_bucket
