"""GIN indexes for the site search on PostgreSQL (nothing on other databases).

Each index stores the same weighted document as ``ctdialogue.search.SOURCES`` builds
(field order, weights and the "english" configuration), so that the planner can answer
``document @@ websearch_to_tsquery(...)`` from the index. The lists are copied here, not
imported, so that this migration keeps meaning what it meant when it ran: a change to
the search's fields needs a new migration that replaces these indexes.
"""

import operator
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIG = "english"

SEARCH_INDEXES = {
    "event": (
        "event_search_idx",
        (("title", "A"), ("summary", "B"), ("city", "C"), ("venue", "C"), ("body", "D")),
    ),
    "theme": ("theme_search_idx", (("name", "A"), ("description", "B"))),
    "initiative": ("initiative_search_idx", (("name", "A"), ("acronym", "A"), ("summary", "B"))),
    "organization": (
        "organization_search_idx",
        (("name", "A"), ("acronym", "A"), ("description", "B")),
    ),
    "person": ("person_search_idx", (("name", "A"), ("position", "B"), ("bio", "C"))),
}


def search_indexes(apps):
    for model_name, (index_name, fields) in SEARCH_INDEXES.items():
        vector = reduce(
            operator.add,
            (SearchVector(name, weight=weight, config=CONFIG) for name, weight in fields),
        )
        yield apps.get_model("events", model_name), GinIndex(vector, name=index_name)


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in search_indexes(apps):
        schema_editor.add_index(model, index)


def remove_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in search_indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(add_search_indexes, remove_search_indexes)]
