"""``manage.py bench``: generated content at scale, served as in production, measured.

See ``ctdialogue.sample.bench``. ``make bench`` runs it on a PostgreSQL database of its
own with 100,000 events.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ctdialogue.sample import bench
from ctdialogue.sample.generate import refresh_planner_statistics
from events.facets.index import refresh
from events.models import Event

from .generate_content import positive_int


class Command(BaseCommand):
    help = (
        "Fill the database with generated events up to --events, serve it with gunicorn "
        "and DEBUG off, and measure each page with wrk, uncached and cached."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=positive_int, default=100_000)
        parser.add_argument("--seconds", type=positive_int, default=10, help="wrk run length.")
        parser.add_argument("--connections", type=positive_int, default=16)
        parser.add_argument("--workers", type=positive_int, default=2)
        parser.add_argument("--output", help="Also write the report to this file.")

    def handle(self, *args, events, seconds, connections, workers, output, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Run the benchmark on PostgreSQL: set DATABASE_URL.")
        missing = events - Event.objects.count()
        if missing > 0:
            self.stdout.write(f"Generating {missing:,} events...")
            call_command("generate_content", events=missing, verbosity=0)
        # Build the facet index now, not in the first measured request.
        rebuilt = refresh()
        if rebuilt:
            refresh_planner_statistics()
        self.stdout.write(f"Facet index: {rebuilt:,} events brought up to date.")
        try:
            report = bench.run(
                seconds=seconds, connections=connections, workers=workers, write=self.stdout.write
            )
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("\n" + report)
        if output:
            Path(output).write_text(report, encoding="utf-8")
