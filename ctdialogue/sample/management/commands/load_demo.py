from django.core.management.base import BaseCommand

from ctdialogue.sample.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo content: the Asia ICT and CT Dialogue as the CTED article on the "
        "Bangkok workshop (January 2018) tells it. Safe to run again: it changes nothing "
        "that is already as it should be."
    )

    def handle(self, *args, **options):
        report = load_demo()
        if options["verbosity"] == 0:
            return
        for line in report.lines():
            self.stdout.write(line)
        if report.changed:
            rows = "row" if report.changed == 1 else "rows"
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded ({report.changed} {rows} written).")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already up to date."))
