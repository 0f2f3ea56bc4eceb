"""The demo in six languages: every text the demo writes has a translation into each
other language, made from the English the demo holds now, with the same markup."""

import re

import pytest
from django.core.management import call_command
from django.utils import translation

from ctdialogue.sample.demo import load_demo
from ctdialogue.sample.translated import LANGUAGES, original, read, record
from ctdialogue.translations.registry import column, showing_translations, translated_fields
from events.models import Event, Theme
from resolutions.models import Resolution

pytestmark = pytest.mark.django_db

TAG = re.compile(r"</?\w+[^>]*>")


@pytest.fixture
def demo():
    load_demo()
    return read("en")


def test_the_english_the_translations_were_made_from_is_the_demos_english(demo):
    for key, fields in demo.items():
        obj = record(key)
        assert {name: getattr(type(obj), name).original(obj) for name in fields} == fields, key


def test_every_text_of_every_demo_record_is_in_the_english_source(demo):
    for model in (Theme, Event, Resolution):
        for obj in model.objects.all():
            key = f"{model._meta.model_name}:{getattr(obj, 'slug', None) or obj.number}"
            written = [
                name for name in translated_fields(model) if original(obj, column(name, "fr"))
            ]
            assert sorted(demo.get(key, {})) == sorted(written), key


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_translates_every_text_with_the_same_markup(demo, code):
    translated = read(code)

    assert translated.keys() == demo.keys()
    for key, fields in demo.items():
        assert translated[key].keys() == fields.keys(), key
        for name, english in fields.items():
            assert TAG.findall(translated[key][name]) == TAG.findall(english), (key, name)
            # People's names and places in Latin script, names of bodies outside the
            # UN and acronyms may stay as they are.
            kept = key.startswith(("organization:", "initiative:")) or name in {
                "honorific",
                "name",
                "city",
            }
            if not kept:
                assert translated[key][name] not in ("", english), (key, name)


def test_the_demo_reads_in_every_language_and_a_second_load_changes_nothing(client, demo):
    bangkok = Event.objects.get(slug="2nd-asia-ict-ct-dialogue-bangkok")
    titles = {}
    for code in ("ar", "zh-hans", "fr", "ru", "es"):
        with translation.override(code), showing_translations():
            titles[code] = bangkok.title

    assert len(set(titles.values())) == 5
    assert "Bangkok" not in titles["zh-hans"]
    assert load_demo().changed == 0
    call_command("load_demo", verbosity=0)
    assert Event.objects.get(pk=bangkok.pk).title_fr == titles["fr"]
