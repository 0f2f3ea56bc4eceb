"""Translations are searched too: one GIN index per kind and language on the document
of its translation columns (title_fr, summary_fr ...), in that language's configuration
(PostgreSQL only). A record's original stays in the partial indexes of 0003; a query
matches either. The lists are copied here, as in 0003 (a test compares them with the
models')."""

import operator
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import F, Func

CONFIGS = {
    "ar": "arabic",
    "zh": "simple",
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
}
SUFFIXES = {"zh": "zh_hans"}

# (app, model): the document's (field, weight) pairs, each field translated.
TRANSLATED_DOCUMENTS = {
    ("events", "event"): (
        ("title", "A"),
        ("summary", "B"),
        ("city", "C"),
        ("venue", "C"),
        ("body", "D"),
    ),
    ("events", "theme"): (("name", "A"), ("description", "B")),
    ("events", "initiative"): (("name", "A"), ("acronym", "A"), ("summary", "B")),
    ("events", "organization"): (("name", "A"), ("acronym", "A"), ("description", "B")),
    ("events", "person"): (("name", "A"), ("position", "B")),
    ("events", "contribution"): (("quotation", "A"), ("title", "A"), ("summary", "B")),
    ("resolutions", "resolution"): (("title", "A"), ("summary", "B"), ("agenda_item", "C")),
}


class HanBigrams(Func):
    function = "han_bigrams"
    output_field = models.TextField()


def search_indexes(apps):
    for (app_label, model_name), fields in TRANSLATED_DOCUMENTS.items():
        for language, config in CONFIGS.items():
            suffix = SUFFIXES.get(language, language)
            vector = reduce(
                operator.add,
                (
                    SearchVector(
                        HanBigrams(F(f"{name}_{suffix}"))
                        if language == "zh"
                        else f"{name}_{suffix}",
                        weight=weight,
                        config=config,
                    )
                    for name, weight in fields
                ),
            )
            name = f"{model_name}_translated_{language}_idx"
            yield apps.get_model(app_label, model_name), GinIndex(vector, name=name)


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in search_indexes(apps):
            schema_editor.add_index(model, index)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in search_indexes(apps):
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_each_language_its_own_index"),
        ("events", "0009_texts_in_six_languages"),
        ("resolutions", "0006_texts_in_six_languages"),
    ]

    operations = [migrations.RunPython(add, remove)]
