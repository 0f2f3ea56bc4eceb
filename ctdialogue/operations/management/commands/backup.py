from pathlib import Path

from django.core.management.base import BaseCommand

from ctdialogue.operations.backups import make_backup


class Command(BaseCommand):
    help = (
        "Back up the database and every media file into a new folder: database.dump "
        "(pg_dump, custom format) or database.sqlite3, media.tar, and manifest.json with "
        "the row count of every table and the SHA-256 of every file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", required=True, type=Path, help="a new or empty folder for the backup"
        )
        parser.add_argument("--database", default="default", help="the database to back up")

    def handle(self, *args, **options):
        manifest, summary = make_backup(options["output"], using=options["database"])
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {summary} to {options['output']} (made at {manifest['created_at']})."
            )
        )
