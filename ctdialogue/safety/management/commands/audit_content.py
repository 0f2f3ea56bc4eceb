"""``manage.py audit_content``: look for text that does not belong.

Checks every text field of every record of the events and resolutions apps, drafts
included, in the language each record declares (a quotation in its own language),
with ``ctdialogue.safety.integrity``; or, with ``--file``, one plain-text file. Exits with
status 1 when it finds an error; off-site links are warnings, which fail the run
only with ``--strict``.
"""

from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from ctdialogue.safety.integrity import LANGUAGE_NAMES, check_text, field_language, text_fields
from ctdialogue.safety.richtext import rich_text_fields
from ctdialogue.translations.registry import stored

AUDITED_APPS = ("events", "resolutions")


def line_and_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _state(obj) -> str:
    if hasattr(obj, "publication_state"):
        return obj.publication_state
    for parent in ("event", "initiative"):
        if getattr(obj, f"{parent}_id", None):
            return f"part of a {getattr(obj, parent).publication_state} {parent}"
    return "no publication state"


class Command(BaseCommand):
    help = (
        "Find text that does not belong in the content: letters of a script the "
        "declared language does not use, invisible characters and letters imitating "
        "others, hidden text, hidden, misleading or off-site links, spam phrasing and "
        "empty brackets. Exits with status 1 when it finds an error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", metavar="PATH", help="Check this UTF-8 text file instead of the database."
        )
        parser.add_argument(
            "--language",
            default="en",
            choices=sorted(LANGUAGE_NAMES),
            help="The language the file is declared to be in (default: en).",
        )
        parser.add_argument(
            "--strict", action="store_true", help="Fail on warnings (off-site links) too."
        )

    def handle(self, *args, **options):
        if options["file"]:
            findings = self.audit_file(Path(options["file"]), options["language"])
        else:
            findings = self.audit_database()
        errors = [finding for finding in findings if not finding.is_warning]
        warnings = [finding for finding in findings if finding.is_warning]
        summary = f"{len(errors)} error(s), {len(warnings)} warning(s)."
        if errors or (warnings and options["strict"]):
            raise CommandError(f"Content audit: {summary}", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"Content audit: {summary}"))

    def report(self, finding, where: str):
        style = self.style.WARNING if finding.is_warning else self.style.ERROR
        self.stdout.write(
            f"  {where} {style(f'[{finding.severity}: {finding.kind}]')} {finding.message}\n"
            f"      “{finding.excerpt}”"
        )

    def audit_file(self, path: Path, language: str):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path} as UTF-8 text: {error}") from error
        findings = check_text(text, language=language, field=path.name)
        self.stdout.write(
            f"{path} (declared {LANGUAGE_NAMES[language]}): {len(findings)} finding(s)"
        )
        for finding in findings:
            line, column = line_and_column(text, finding.position)
            self.report(finding, f"line {line}, column {column} (character {finding.position}):")
        return findings

    def audit_database(self):
        self.stdout.write(
            "Checking every record of the events and resolutions apps, published and "
            "draft, in the language it declares."
        )
        findings = []
        for app_label in AUDITED_APPS:
            for model in apps.get_app_config(app_label).get_models():
                findings += self.audit_model(model)
        return findings

    def audit_model(self, model):
        names = text_fields(model)
        if not names:
            return []
        rich = rich_text_fields(model)
        parents = [
            field.name
            for field in model._meta.concrete_fields
            if field.name in {"event", "initiative"} and field.many_to_one
        ]
        queryset = model._default_manager.select_related(*parents).order_by("pk")
        findings, records, flagged = [], 0, 0
        for obj in queryset.iterator(chunk_size=500):
            records += 1
            texts = {name: stored(obj, name) or "" for name in names}
            languages = {name: field_language(obj, name) for name in names if texts[name]}
            found = []
            for name in languages:
                found += check_text(
                    texts[name],
                    language=languages[name],
                    field=name,
                    rich=name in rich,
                )
            if not found:
                continue
            flagged += 1
            declared = ", ".join(
                sorted(
                    {f"{LANGUAGE_NAMES.get(code, code)} ({code})" for code in languages.values()}
                )
            )
            self.stdout.write(
                f"{model._meta.label} {obj.pk} “{obj}” ({_state(obj)}; declared {declared})"
            )
            for finding in found:
                self.report(finding, f"{finding.field}, character {finding.position}:")
            findings += found
        self.stdout.write(
            f"{model._meta.label}: {records} record(s) checked, {flagged} with findings."
        )
        return findings
