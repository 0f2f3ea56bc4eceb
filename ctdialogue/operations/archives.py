"""The media in a backup: one tar file of every stored file, read and written through
the media storage (local files or the bucket alike), with a SHA-256 checksum of each.

Images and PDFs are compressed already: the archive is not compressed again.
"""

import hashlib
import tarfile
from pathlib import Path

from django.core.files.base import File
from django.core.management.base import CommandError

CHUNK = 1024 * 1024


def stored_names(storage, folder: str = "") -> list[str]:
    """Every file name in ``storage``, found by listing it (sorted)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # local storage whose folder was never made
        return []
    prefix = f"{folder}/" if folder else ""
    names = [prefix + name for name in files]
    for sub in folders:
        names += stored_names(storage, prefix + sub)
    return sorted(names)


class _Hashing:
    """A file read once, its checksum computed on the way through."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def write_archive(storage, target: Path) -> dict[str, dict]:
    """Copy every file of ``storage`` into the tar file ``target``;
    {name: {"sha256": ..., "size": ...}}."""
    files = {}
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as archive:
        for name in stored_names(storage):
            member = tarfile.TarInfo(name)
            member.size = storage.size(name)
            member.mode = 0o644
            with storage.open(name, "rb") as stored:
                reader = _Hashing(stored)
                archive.addfile(member, reader)
            files[name] = {"sha256": reader.digest.hexdigest(), "size": member.size}
    return files


def file_checksum(file) -> str:
    digest = hashlib.sha256()
    while chunk := file.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def check_archive(source: Path, expected: dict[str, dict]) -> None:
    """Refuse an archive whose files are not those the manifest lists, byte for byte."""
    found = {}
    with tarfile.open(source, "r") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            found[member.name] = file_checksum(archive.extractfile(member))
    wanted = {name: entry["sha256"] for name, entry in expected.items()}
    if found != wanted:
        differing = sorted(
            name for name in set(found) | set(wanted) if found.get(name) != wanted.get(name)
        )
        listed = ", ".join(differing[:5]) + (" ..." if len(differing) > 5 else "")
        raise CommandError(f"The media archive does not match its manifest: {listed}.")


def restore_archive(source: Path, storage, *, replace: bool) -> None:
    """Write every file of the archive into ``storage`` under its own name."""
    with tarfile.open(source, "r") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            if replace and storage.exists(member.name):
                storage.delete(member.name)
            saved = storage.save(member.name, File(archive.extractfile(member), name=member.name))
            if saved != member.name:
                raise CommandError(
                    f"{member.name} was stored as {saved}: the storage is not empty."
                )


def check_stored(storage, expected: dict[str, dict]) -> None:
    """Read every restored file back and compare its checksum with the manifest's."""
    for name, entry in expected.items():
        with storage.open(name, "rb") as stored:
            if file_checksum(stored) != entry["sha256"]:
                raise CommandError(f"{name} differs from the backup after it was restored.")
