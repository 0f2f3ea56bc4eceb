"""Which translations are up to date: each translation remembers the original it was
made from, by a short digest of its words (``translation_sources``, a column of every
translated model), so that staff see, and can filter, the translations whose original
changed since.

    {"source": {"title": "9f2c..."},          the originals now
     "fr": {"title": "9f2c..."},             the original when title_fr was written
     "ru": {"title": "0b7e..."}}             ... an older one: out of date

Only words count: a change of markup or spacing leaves translations current. Saving
stamps: a translation that changed (or is new) is taken to be made from the original
as it is now; an emptied one is forgotten.
"""

import hashlib
import html
import unicodedata

from django.db.models import F, Q, TextField, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags

SOURCE = "source"
CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"


def digest(text: str) -> str:
    words = " ".join(html.unescape(strip_tags(text or "")).split())
    return hashlib.sha256(unicodedata.normalize("NFC", words).encode()).hexdigest()[:16]


def stamp(instance, fields, columns) -> None:
    """Bring ``instance.translation_sources`` up to date before it is saved.
    ``columns(name)`` gives a field's translation columns by language."""
    loaded = getattr(instance, "_translations_as_loaded", {})
    sources = {key: dict(value) for key, value in (instance.translation_sources or {}).items()}
    now = {}
    for name in fields:
        original = instance._meta.get_field(name).value_from_object(instance)
        if original:
            now[name] = digest(original)
    sources[SOURCE] = now
    for name in fields:
        for code, column in columns(name).items():
            if column not in instance.__dict__:
                continue  # not loaded: left as it was
            done = sources.setdefault(code, {})
            value = instance.__dict__[column]
            if not value:
                done.pop(name, None)
            elif value != loaded.get(column) or name not in done:
                done[name] = now.get(name, "")
    instance.translation_sources = {key: value for key, value in sources.items() if value}


def still_match(instance) -> dict:
    """``translation_sources`` with every translation made from the original as it is
    now."""
    sources = {key: dict(value) for key, value in (instance.translation_sources or {}).items()}
    now = sources.get(SOURCE, {})
    for key, done in sources.items():
        if key != SOURCE:
            sources[key] = {name: now.get(name, "") for name in done}
    return sources


def states(instance, fields, columns, code: str) -> dict[str, str]:
    """Each field's translation into ``code``: current, out of date or missing (for
    the fields that have an original)."""
    sources = instance.translation_sources or {}
    now, done = sources.get(SOURCE, {}), sources.get(code, {})
    found = {}
    for name in fields:
        if name not in now:
            continue
        if not instance.__dict__.get(columns(name)[code]):
            found[name] = MISSING
        else:
            found[name] = CURRENT if done.get(name) == now[name] else OUTDATED
    return found


def missing_q(fields, columns, code: str) -> Q:
    """Records with an original text that has no translation into ``code``."""
    condition = Q(pk__in=[])
    for name in fields:
        column = columns(name)[code]
        condition |= Q(**{f"{name}__gt": ""}) & (
            Q(**{f"{column}__isnull": True}) | Q(**{column: ""})
        )
    return condition


def outdated_aliases(fields, code: str) -> dict:
    """What ``outdated_q`` compares, for ``QuerySet.alias()``."""
    aliases = {}
    for name in fields:
        for alias, key in ((f"_done_{name}", code), (f"_now_{name}", SOURCE)):
            aliases[alias] = Coalesce(
                KT(f"translation_sources__{key}__{name}"), Value(""), output_field=TextField()
            )
    return aliases


def outdated_q(fields, columns, code: str) -> Q:
    """Records with a translation into ``code`` made from an earlier original."""
    condition = Q(pk__in=[])
    for name in fields:
        condition |= Q(**{f"{columns(name)[code]}__gt": ""}) & ~Q(
            **{f"_done_{name}": F(f"_now_{name}")}
        )
    return condition
