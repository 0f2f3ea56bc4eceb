import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from ctdialogue.sample.generate import generate_content


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Generate realistic, varied content for performance work: events with their "
        "series, themes, organisations, speakers, participations and initiatives. "
        "Adds to what is there; never for a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--events", type=positive_int, required=True, help="How many events to add."
        )
        parser.add_argument(
            "--seed", type=int, default=2018, help="Seed of the random choices (default 2018)."
        )
        parser.add_argument(
            "--batch-size",
            type=positive_int,
            default=2000,
            help="Events written per transaction (default 2000).",
        )

    def handle(self, *args, events, seed, batch_size, verbosity, **options):
        started = time.monotonic()
        # The bar redraws itself with carriage returns: no added newline, no colour.
        self.stderr.ending = ""
        self.stderr.style_func = None
        with tqdm(
            total=events,
            unit="event",
            desc="Generating",
            file=self.stderr,
            disable=verbosity < 1,
        ) as progress_bar:
            report = generate_content(
                events=events, seed=seed, batch_size=batch_size, progress=progress_bar.update
            )
        elapsed = time.monotonic() - started
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(f"Generated {events} events (seed {seed}) in {elapsed:.1f} s.")
        )
