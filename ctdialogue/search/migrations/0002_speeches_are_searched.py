"""Speeches are searched: a GIN index on the search document of contributions (their
quotation, title and summary), as ``Contribution.search_document`` declares it, so that
an event is found by what was said at it (PostgreSQL only)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = "contribution_search_idx"
FIELDS = (("quotation", "A"), ("title", "A"), ("summary", "B"))


def index():
    vector = SearchVector(FIELDS[0][0], weight=FIELDS[0][1], config="english")
    for name, weight in FIELDS[1:]:
        vector += SearchVector(name, weight=weight, config="english")
    return GinIndex(vector, name=INDEX)


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("events", "contribution"), index())


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("events", "contribution"), index())


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_indexes"),
        ("events", "0007_photos_and_documents_are_published"),
    ]

    operations = [migrations.RunPython(add, remove)]
