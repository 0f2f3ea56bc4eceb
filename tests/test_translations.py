"""The interface's translations (issue 12): one catalogue for each of the five other
UN languages, complete, without fuzzy messages, true to the English placeholders and
markup, compiled as committed, and up to date with the texts the code marks.

gettext's msgfmt checks each catalogue (``--check``: formats, header, plurals); CI
installs it. The rest is read here from the .po files.
"""

import ast
import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import to_locale

LOCALE = Path(settings.LOCALE_PATHS[0])
OTHER_LANGUAGES = [code for code, _name in settings.INTERFACE_LANGUAGES if code != "en"]
#: Placeholders and markup a translation must keep: %(name)s, {name}, %s, tags.
KEPT = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\w*\}|<[^>]+>")


def catalogue(code: str) -> Path:
    return LOCALE / to_locale(code) / "LC_MESSAGES" / "django.po"


def entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr[n], flags."""
    found, entry, key = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry:
                found.append(entry)
            entry, key = {}, None
        elif line.startswith("#,"):
            entry["flags"] = line[2:].strip()
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        elif not line.startswith("#"):
            key, _space, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    return [entry for entry in found if entry.get("msgid")]


def kept(text: str) -> list[str]:
    return sorted(KEPT.findall(text))


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_every_other_un_language_has_its_catalogue():
    assert sorted(OTHER_LANGUAGES) == ["ar", "es", "fr", "ru", "zh-hans"]
    assert [code for code in OTHER_LANGUAGES if not catalogue(code).is_file()] == []
    assert [code for code, _name in settings.LANGUAGES] == [
        code for code, _name in settings.INTERFACE_LANGUAGES
    ]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    messages = entries(catalogue(code))
    assert len(messages) > 800
    assert [e["msgid"] for e in messages if "fuzzy" in e.get("flags", "")] == []
    assert [e["msgid"] for e in messages if not all(translations(e))] == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_translations_keep_the_placeholders_and_markup(code):
    wrong = []
    for entry in entries(catalogue(code)):
        if "msgid_plural" in entry:
            allowed = set(kept(entry["msgid"]) + kept(entry["msgid_plural"]))
            wrong += [text for text in translations(entry) if set(kept(text)) - allowed]
        elif kept(entry["msgstr"]) != kept(entry["msgid"]):
            wrong.append(entry["msgstr"])
    assert wrong == []


def msgfmt() -> str:
    """gettext's msgfmt: without it the compile check is skipped, except in CI, where
    .ci/run installs it and its absence fails the run (as for the browser tests)."""
    path = shutil.which("msgfmt")
    if path is None:
        reason = "gettext's msgfmt is needed: apt-get install gettext"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_each_catalogue_compiles_and_the_committed_mo_is_its_compilation(code, tmp_path):
    po = catalogue(code)
    compiled = tmp_path / "django.mo"
    result = subprocess.run(
        [msgfmt(), "--check", "--statistics", "-o", compiled, po],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr
    with compiled.open("rb") as fresh, po.with_suffix(".mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == (
            gettext.GNUTranslations(fresh)._catalog
        ), "run `make messages` and commit the .mo files"


def test_the_catalogues_hold_exactly_the_texts_the_code_marks(tmp_path, monkeypatch):
    """What makemessages finds in the code today is what the catalogues translate:
    a text marked since is not left untranslated, nor an old one kept. It reads the
    code through links from a directory of its own, so that it writes nothing here."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("ctdialogue", "events", "resolutions", "templates"):
        (source / name).symlink_to(Path(settings.BASE_DIR) / name)
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["fr"], symlinks=True, verbosity=0)
    found = entries(tmp_path / "locale/fr/LC_MESSAGES/django.po")
    fresh = {(entry.get("msgctxt"), entry["msgid"]) for entry in found}
    assert len(fresh) > 800
    for code in OTHER_LANGUAGES:
        committed = {(e.get("msgctxt"), e["msgid"]) for e in entries(catalogue(code))}
        assert sorted(fresh - committed, key=str) == [], f"{code}: run `make messages`"
        assert sorted(committed - fresh, key=str) == [], f"{code}: run `make messages`"
