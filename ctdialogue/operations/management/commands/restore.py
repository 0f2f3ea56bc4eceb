from pathlib import Path

from django.core.management.base import BaseCommand

from ctdialogue.operations.backups import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database and media "
        "storage, after checking every checksum; --force replaces what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="the backup's folder")
        parser.add_argument("--database", default="default", help="the database to restore into")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore over a database or media storage that is not empty",
        )

    def handle(self, *args, **options):
        manifest, summary = restore_backup(
            options["directory"], using=options["database"], force=options["force"]
        )
        if options["verbosity"] == 0:
            return
        if options["verbosity"] > 1:
            for table, rows in sorted(manifest["database"]["tables"].items()):
                self.stdout.write(f"  {table}: {rows} rows")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {summary}, from the backup made at {manifest['created_at']}; "
                "every row count and checksum matches the manifest."
            )
        )
