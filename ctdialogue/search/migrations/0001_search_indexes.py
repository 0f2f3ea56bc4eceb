"""GIN indexes for the site search on PostgreSQL (nothing on other databases).

Each index stores the same weighted document as the model's ``search_document``
(field order, weights and the "english" configuration), so that the planner can answer
``document @@ websearch_to_tsquery(...)`` from the index. The lists are copied here,
not imported, so that this migration keeps meaning what it meant when it ran: a change
to a model's ``search_document`` needs a new migration of this app that replaces its
index (a test compares the two).

Until this app existed the indexes were built by migrations of the events and
resolutions apps, under the same names: an index that exists is replaced.
"""

import operator
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIG = "english"

SEARCH_INDEXES = {
    ("events", "event"): (
        "event_search_idx",
        (("title", "A"), ("summary", "B"), ("city", "C"), ("venue", "C"), ("body", "D")),
    ),
    ("events", "theme"): ("theme_search_idx", (("name", "A"), ("description", "B"))),
    ("events", "initiative"): (
        "initiative_search_idx",
        (("name", "A"), ("acronym", "A"), ("summary", "B")),
    ),
    ("events", "organization"): (
        "organization_search_idx",
        (("name", "A"), ("acronym", "A"), ("description", "B")),
    ),
    ("events", "person"): ("person_search_idx", (("name", "A"), ("position", "B"))),
    ("resolutions", "resolution"): (
        "resolution_search_idx",
        (("title", "A"), ("summary", "B"), ("agenda_item", "C")),
    ),
}


def search_indexes(apps):
    for (app_label, model_name), (index_name, fields) in SEARCH_INDEXES.items():
        vector = reduce(
            operator.add,
            (SearchVector(name, weight=weight, config=CONFIG) for name, weight in fields),
        )
        yield apps.get_model(app_label, model_name), GinIndex(vector, name=index_name)


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in search_indexes(apps):
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index.name)}")
        schema_editor.add_index(model, index)


def remove_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in search_indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("events", "0005_person_search_without_bio"),
        ("resolutions", "0002_search_indexes"),
    ]

    operations = [migrations.RunPython(add_search_indexes, remove_search_indexes)]
