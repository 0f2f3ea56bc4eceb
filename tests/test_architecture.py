"""Rules about the code as a whole, checked by reading it."""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("ctdialogue", "events", "resolutions")

# Reads whose answer depends on the moment they run.
TIME_DEPENDENT_METHODS = {
    "published",
    "public",
    "scheduled",
    "drafts",
    "visible_to",
    "upcoming",
    "past",
    "now",
    "localdate",
    "localtime",
    "today",
}


def project_modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


class ImportTimeCalls(ast.NodeVisitor):
    """Calls made when a module is imported: at module level or in a class body,
    outside every function and lambda (whose bodies run later, per call)."""

    def __init__(self):
        self.found: list[tuple[int, str]] = []

    def visit_FunctionDef(self, node):
        for decorator in node.decorator_list:  # decorators do run at import
            self.visit(decorator)
        for default in [*node.args.defaults, *node.args.kw_defaults]:
            if default is not None:
                self.visit(default)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        return

    def visit_Call(self, node):
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name in TIME_DEPENDENT_METHODS:
            self.found.append((node.lineno, ast.unparse(node)))
        self.generic_visit(node)


def time_read_at_import(source: str) -> list[tuple[int, str]]:
    visitor = ImportTimeCalls()
    visitor.visit(ast.parse(source))
    return visitor.found


def test_the_detector_finds_the_pattern_it_looks_for():
    source = (
        "THEMES = Theme.objects.published()\n"
        "class F:\n"
        "    theme = Filter(queryset=Theme.objects.published())\n"
        "    when = timezone.now()\n"
        "    def later(self):\n"
        "        return Theme.objects.published()\n"
        "    choices = lambda request: Theme.objects.published()\n"
    )
    assert [line for line, _ in time_read_at_import(source)] == [1, 3, 4]


def test_nothing_reads_the_time_when_a_module_is_imported():
    """A queryset that reads "now" in a class body or at module level keeps the moment
    the server started: a record scheduled after that never appears until a restart."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {code}"
        for path in project_modules()
        for line, code in time_read_at_import(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# --- The tree: tests mirror it, and docs/architecture.md describes it ----------------

#: Test modules that test the whole site rather than one module of it.
WHOLE_SITE_TESTS = {
    "tests/test_architecture.py",
    "tests/e2e/test_accessibility.py",
    "tests/e2e/test_review.py",
    "tests/e2e/test_admin.py",
    "tests/e2e/test_print.py",
    "tests/test_production.py",
    "tests/e2e/test_headers.py",
    "tests/deploy/test_nginx.py",
    "tests/test_template_strings.py",
    "tests/test_translations.py",
}


def test_every_test_module_is_named_after_the_module_it_tests():
    """tests/<path>/test_<name>.py tests <path>/<name>.py, so a module's tests are found
    without searching, and a module's tests live in one file."""
    strays = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tests").rglob("test_*.py"))
        if str(path.relative_to(ROOT)) not in WHOLE_SITE_TESTS
        and not (
            ROOT / path.parent.relative_to(ROOT / "tests") / path.name.removeprefix("test_")
        ).is_file()
    ]
    assert strays == []


def test_architecture_document_names_every_sub_package_and_module_it_lists():
    document = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = document.split("## The tree", 1)[1].split("```")[1]
    sub_packages = sorted(path.parent.name for path in (ROOT / "ctdialogue").glob("*/__init__.py"))
    named_modules = set(re.findall(r"\b([a-z_]+\.py)\b", tree))
    existing = {
        path.name for package in (*PACKAGES, "tests") for path in (ROOT / package).rglob("*.py")
    }

    assert [name for name in sub_packages if f"  {name}/" not in tree] == []
    assert sorted(named_modules - existing - {"manage.py"}) == []


def test_the_stylesheets_serve_both_directions_with_logical_properties():
    """Arabic pages run right to left with the same stylesheet: sides are written as
    start and end (margin-inline-start, inset-inline-end, text-align: start), never as
    left and right."""
    physical = re.compile(
        r"(?:margin|padding|border)-(?:left|right)\b|\b(?:left|right)\s*:"
        r"|float:\s*(?:left|right)|text-align:\s*(?:left|right)"
    )
    found = {
        f"{path.name}:{number}": line.strip()
        for path in sorted((ROOT / "static" / "css").glob("*.css"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if physical.search(line)
    }
    assert found == {}
