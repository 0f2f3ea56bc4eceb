"""The demo content's translations: every text of the demo in Arabic, Chinese, French,
Russian and Spanish, written by us from the English (``translations/<code>.json``).

Each file maps a record ("theme:<slug>", "resolution:<number>",
"participation:<event>:<order>", "contribution:<event>:<person>") to its texts by
field. ``translations/en.json`` is the English they were translated from: when a text
of ``demo.py`` changes, a test fails until that file and its translations are brought
up to date, so that no translation silently says something the original no longer
does.
"""

import json
from collections import Counter
from pathlib import Path

from django.db import models

from ctdialogue.translations.registry import column, stored
from events.models import (
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Organization,
    Participation,
    Person,
    Theme,
)
from resolutions.models import Resolution

DIRECTORY = Path(__file__).parent / "translations"
LANGUAGES = ("ar", "zh", "fr", "ru", "es")

BY_SLUG = {
    "theme": Theme,
    "organization": Organization,
    "person": Person,
    "eventseries": EventSeries,
    "event": Event,
    "initiative": Initiative,
}


def read(code: str) -> dict[str, dict[str, str]]:
    return json.loads((DIRECTORY / f"{code}.json").read_text(encoding="utf-8"))


def record(key: str) -> models.Model:
    """The demo record a key names."""
    kind, _, rest = key.partition(":")
    if kind in BY_SLUG:
        return BY_SLUG[kind].objects.get(slug=rest)
    if kind == "resolution":
        return Resolution.objects.get(number=int(rest))
    event, _, other = rest.partition(":")
    if kind == "participation":
        return Participation.objects.get(event__slug=event, order=int(other))
    return Contribution.objects.get(event__slug=event, person__slug=other)


def original(obj: models.Model, translation: str) -> str:
    """The original text a translation column translates (a translation of an empty
    original is not written)."""
    name = obj._meta.get_field(translation).translated_field.name
    return stored(obj, name)


def load_translations() -> Counter:
    """Write every translation of the demo; a record is saved only if one differs."""
    outcomes = Counter()
    texts: dict[str, dict[str, str]] = {}
    for code in LANGUAGES:
        for key, fields in read(code).items():
            for name, text in fields.items():
                texts.setdefault(key, {})[column(name, code)] = text or None
    for key, columns in texts.items():
        obj = record(key)
        changed = {
            name: value
            for name, value in columns.items()
            if getattr(obj, name) != value and original(obj, name)
        }
        for name, value in changed.items():
            setattr(obj, name, value)
        if changed:
            obj.save()
        outcomes["updated" if changed else "unchanged"] += 1
    return outcomes
