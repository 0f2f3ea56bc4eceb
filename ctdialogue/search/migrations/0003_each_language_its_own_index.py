"""Each record is searched in its own language: one partial GIN index per kind and
language, replacing the English-only indexes of 0001 and 0002 (PostgreSQL only).

The indexes store the documents of ``documents.weighted_vector``: the model's
``search_document`` in the text-search configuration of each language, over the rows of
that language only (``language``, or ``quotation_language`` for speeches). Chinese has
no configuration: its documents are the texts with their pairs of adjacent Chinese
characters, made by the SQL function ``han_bigrams`` created here, in "simple". The
lists are copied here, not imported, so that this migration keeps meaning what it meant
when it ran (a test compares them with the models').
"""

import importlib
import operator
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import F, Func, Q

CONFIGS = {
    "ar": "arabic",
    "zh": "simple",
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
}

# (app, model): (the language column, the document's (field, weight) pairs)
SEARCH_DOCUMENTS = {
    ("events", "event"): (
        "language",
        (("title", "A"), ("summary", "B"), ("city", "C"), ("venue", "C"), ("body", "D")),
    ),
    ("events", "theme"): ("language", (("name", "A"), ("description", "B"))),
    ("events", "initiative"): ("language", (("name", "A"), ("acronym", "A"), ("summary", "B"))),
    ("events", "organization"): (
        "language",
        (("name", "A"), ("acronym", "A"), ("description", "B")),
    ),
    ("events", "person"): ("language", (("name", "A"), ("position", "B"))),
    ("events", "contribution"): (
        "quotation_language",
        (("quotation", "A"), ("title", "A"), ("summary", "B")),
    ),
    ("resolutions", "resolution"): (
        "language",
        (("title", "A"), ("summary", "B"), ("agenda_item", "C")),
    ),
}

# The text, then every pair of adjacent Chinese characters in it. IMMUTABLE, so that an
# index may store it; the character class is the CJK unified ideographs (with extension
# A and the compatibility block).
CREATE_HAN_BIGRAMS = """
CREATE OR REPLACE FUNCTION han_bigrams(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT concat_ws(' ', t, string_agg(substr(t, i, 2), ' ' ORDER BY i))
    FROM generate_series(1, char_length(t) - 1) AS i
    WHERE substr(t, i, 2) ~ '^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}$'
$$
"""


class HanBigrams(Func):
    function = "han_bigrams"
    output_field = models.TextField()


def index_name(model_name, language):
    return f"{model_name}_search_{language}_idx"


def search_indexes(apps):
    for (app_label, model_name), (column, fields) in SEARCH_DOCUMENTS.items():
        for language, config in CONFIGS.items():
            vector = reduce(
                operator.add,
                (
                    SearchVector(
                        HanBigrams(F(name)) if language == "zh" else name,
                        weight=weight,
                        config=config,
                    )
                    for name, weight in fields
                ),
            )
            index = GinIndex(
                vector,
                name=index_name(model_name, language),
                condition=Q(**{column: language}),
            )
            yield apps.get_model(app_label, model_name), index


def _earlier():
    initial = importlib.import_module("ctdialogue.search.migrations.0001_search_indexes")
    speeches = importlib.import_module("ctdialogue.search.migrations.0002_speeches_are_searched")
    return initial, speeches


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    initial, speeches = _earlier()
    speeches.remove(apps, schema_editor)
    initial.remove_search_indexes(apps, schema_editor)
    schema_editor.execute(CREATE_HAN_BIGRAMS)
    for model, index in search_indexes(apps):
        schema_editor.add_index(model, index)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in search_indexes(apps):
        schema_editor.remove_index(model, index)
    schema_editor.execute("DROP FUNCTION IF EXISTS han_bigrams(text)")
    initial, speeches = _earlier()
    initial.add_search_indexes(apps, schema_editor)
    speeches.add(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_speeches_are_searched"),
        ("events", "0008_verbose_names_for_translation"),
        ("resolutions", "0005_verbose_names_for_translation"),
    ]

    operations = [migrations.RunPython(add, remove)]
