"""``manage.py audit_content``: every record, drafts included, in its declared language;
or one text file. Exit status 1 when something is found."""

import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.factories import (
    ContributionFactory,
    EventFactory,
    PersonFactory,
    PhotoFactory,
    ResolutionFactory,
    ThemeFactory,
)

SOURCE = Path("/work/shared/source/cted-bangkok-2018.txt")


def audit(*args):
    out = StringIO()
    try:
        call_command("audit_content", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue(), str(error)
    return 0, out.getvalue(), ""


@pytest.mark.django_db
def test_audit_of_the_demo_content_finds_nothing():
    call_command("load_demo", stdout=StringIO())

    status, output, _ = audit()

    assert status == 0
    assert "events.Event: 3 record(s) checked, 0 with findings." in output
    assert "resolutions.Resolution: 12 record(s) checked, 0 with findings." in output
    assert "Content audit: 0 error(s), 0 warning(s)." in output


@pytest.mark.django_db
def test_audit_reports_each_finding_with_record_field_and_language():
    event = EventFactory(
        title="Second workshop",
        body="<p>Prosecutors in 缅北禁地Member States.</p>",
        draft=True,
    )

    status, output, error = audit()

    assert status == 1
    assert error == "Content audit: 1 error(s), 0 warning(s)."
    assert f"events.Event {event.pk} “Second workshop” (draft; declared English (en))" in output
    body = "<p>Prosecutors in 缅北禁地Member States.</p>"
    assert body.index("缅北禁地") == 18
    assert "body, character 18: [error: script] Han characters in text declared as English." in (
        output
    )
    assert "“<p>Prosecutors in 缅北禁地Member States.</p>”" not in output
    assert "“Prosecutors in 缅北禁地Member States.”" in output


@pytest.mark.django_db
def test_audit_checks_every_model_of_both_apps_in_each_records_language():
    ThemeFactory(description="<p>Spam () here</p>")
    PersonFactory(bio="<p>Visit bit.ly/x</p>")
    PhotoFactory(caption="Opening\u200b session")
    ContributionFactory(quotation="Мы обсудили цифровые доказательства.", quotation_language="ru")
    ContributionFactory(quotation="Мы обсудили цифровые доказательства.", quotation_language="en")
    ResolutionFactory(summary="<p>Résumé with an empty ()</p>", language="fr")

    status, output, error = audit()

    assert status == 1
    assert error == "Content audit: 5 error(s), 0 warning(s)."
    flagged = {
        label: int(count)
        for label, count in re.findall(r"^(\S+): \d+ record\(s\) checked, (\d+) with", output, re.M)
    }
    expected = {
        "events.Theme": 1,
        "events.Person": 1,
        "events.Contribution": 1,
        "events.Photo": 1,
        "resolutions.Resolution": 1,
    }
    assert {label: flagged[label] for label in expected} == expected
    assert sum(flagged.values()) == 5
    assert flagged["events.Event"] == flagged["events.Organization"] == 0
    assert "(part of a published event; declared English (en))" in output
    assert "declared French (fr)" in output


@pytest.mark.django_db
def test_audit_with_only_off_site_links_passes_unless_strict():
    EventFactory(body='<p>See <a href="https://example.com/report">the report</a>.</p>')

    status, output, _ = audit()
    strict_status, _, strict_error = audit("--strict")

    assert status == 0
    assert "[warning: offsite-link]" in output
    assert "Content audit: 0 error(s), 1 warning(s)." in output
    assert strict_status == 1
    assert strict_error == "Content audit: 0 error(s), 1 warning(s)."


@pytest.mark.skipif(not SOURCE.exists(), reason="the shared source folder is not mounted")
def test_audit_of_the_source_article_lists_exactly_three_findings():
    status, output, error = audit("--file", str(SOURCE))

    assert status == 1
    assert error == "Content audit: 3 error(s), 0 warning(s)."
    lines = output.splitlines()
    assert lines[0] == f"{SOURCE} (declared English): 3 finding(s)"
    findings = [line.strip() for line in lines if line.startswith("  line")]
    assert findings == [
        "line 4, column 307 (character 1283): [error: empty-brackets] Empty brackets, where a "
        "link or a reference was probably lost.",
        "line 4, column 681 (character 1657): [error: script] Han characters in text declared "
        "as English.",
        "line 8, column 152 (character 3218): [error: script] Han characters in text declared "
        "as English.",
    ]


def test_audit_of_a_chinese_file_declared_chinese_passes(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text("与会者在曼谷讨论了数字证据和司法协助问题。\n", encoding="utf-8")

    assert audit("--file", str(path), "--language", "zh")[0] == 0
    assert audit("--file", str(path))[0] == 1


def test_audit_of_a_file_that_is_not_utf8_says_so(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9".encode("latin-1"))

    with pytest.raises(CommandError, match=r"Cannot read .* as UTF-8 text"):
        call_command("audit_content", "--file", str(path), stdout=StringIO())


@pytest.mark.parametrize(
    ("text", "status"), [("Clean English text.\n", 0), ("Broken () link\n", 1)]
)
def test_audit_command_exit_status_from_the_shell(tmp_path, text, status):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "manage.py", "audit_content", "--file", str(path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == status, result.stderr
    assert ("Content audit: 1 error(s)" in result.stderr) == bool(status)
